// `npm start`: database (embedded unless DATABASE_URL is set) → migrations →
// production build if missing or stale → Next.js server and an in-process worker.
// SIGINT/SIGTERM: stop accepting requests, drain the worker, stop the database.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { pinClientAddress, trustProxyFrom } from "@/server/client-address";
import { bootDatabase, onParentExit } from "@/server/runtime";
import { PROJECT_ROOT } from "./database/ensure-database";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const log = (line: string) => console.error(`[datafast] ${line}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "server", "public"].map((dir) => path.join(PROJECT_ROOT, dir)).filter(existsSync);
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...sources.map(newestMtime), statSync(path.join(PROJECT_ROOT, "package.json")).mtimeMs);
  if (builtAt > changedAt) return;
  log(builtAt ? "sources changed since the last build; rebuilding (next build)…" : "no production build yet; building (next build, about a minute)…");
  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: PROJECT_ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

async function main() {
  const trustProxy = trustProxyFrom(process.env.DATAFAST_TRUST_PROXY);
  const database = await bootDatabase(log);
  if (!dev) buildIfNeeded();
  const app = next({ dev, dir: PROJECT_ROOT, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    pinClientAddress(req, trustProxy);
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  log(`web app on http://${hostname}:${port}`);

  const { startWorkerFromEnv } = await import("@/server/jobs/start-worker");
  const worker = process.env.DATAFAST_NO_WORKER === "1" ? undefined : await startWorkerFromEnv(log);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    await worker?.stop();
    const { closeDb } = await import("@/server/db");
    const { stopBoss } = await import("@/server/jobs/queue");
    await stopBoss().catch(() => undefined);
    await closeDb();
    await app.close?.();
    await database.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  onParentExit(() => void shutdown("parent process exited"));
}

main().catch((error: Error) => {
  console.error(`[datafast] could not start: ${error.message}`);
  process.exit(1);
});
