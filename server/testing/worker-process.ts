// Test harness: `npm run worker` as a real child process on a test database, to
// kill -9 it or take its database away and look at what survives.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "@/scripts/database/ensure-database";

export type WorkerProcess = {
  pid: number;
  /** Resolves once the worker logged that it started. */
  started: Promise<void>;
  /** The process's stderr so far (its log). */
  output(): string;
  exitCode(): number | null | "killed";
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export function spawnWorkerProcess(input: { databaseUrl: string; env?: Record<string, string> }): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", "worker.ts")], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DATABASE_URL: input.databaseUrl, MOCK_API_KEY: "test-key", NODE_ENV: "test", ...input.env },
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/worker \S+ started/.test(output)) resolve();
    });
    child.once("exit", (code, signal) => reject(new Error(`worker process exited (${signal ?? code}) before it started:\n${output}`)));
  });
  started.catch(() => undefined);
  return {
    pid: child.pid!,
    started,
    output: () => output,
    exitCode: () => (child.signalCode ? "killed" : child.exitCode),
    kill: async (signal = "SIGKILL") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
