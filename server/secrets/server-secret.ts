// The server's encryption secret: DATAFAST_SECRET, or a random one generated on
// first use into <data dir>/secret (mode 0600) so a fresh install needs no setup.
// Every process (web, workers, CLI) must see the same secret to read stored keys.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getSecretEnv } from "@/server/env";
import { logger } from "@/server/logger";

export const MIN_SECRET_LENGTH = 32;

/** The project root (nearest package.json above cwd): npm scripts and `next` both run there. */
function projectRoot(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

/** Same rule as the embedded database (server/runtime.ts): DATAFAST_DATA_DIR, else <project>/.data. */
export function dataDirectory(dataDirEnv: string | undefined, cwd = process.cwd()): string {
  return dataDirEnv ? path.resolve(cwd, dataDirEnv) : path.join(projectRoot(cwd), ".data");
}

function readSecretFile(file: string): string {
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_LENGTH} characters. Restore the original file (stored API keys need it) or delete it and re-enter the keys.`);
  }
  if ((statSync(file).mode & 0o077) !== 0) logger.warn("secret file is readable by other users; run chmod 600 on it", { file });
  return secret;
}

/**
 * Creates the file atomically: written under a temporary name, then hard-linked
 * into place, which fails if another process (web and worker start together)
 * won the race, so both end up with the winner's secret and nobody reads a half-written file.
 */
function createSecretFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    chmodSync(temporary, 0o600);
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
}

export function loadServerSecret(options: { envSecret?: string; dataDir: string }): { secret: string; source: "env" | "file"; file?: string } {
  if (options.envSecret) return { secret: options.envSecret, source: "env" };
  const file = path.join(options.dataDir, "secret");
  if (!existsSync(file)) createSecretFile(file);
  return { secret: readSecretFile(file), source: "file", file };
}

let cached: string | undefined;

export function getServerSecret(): string {
  if (cached) return cached;
  const env = getSecretEnv();
  cached = loadServerSecret({ envSecret: env.DATAFAST_SECRET, dataDir: dataDirectory(env.DATAFAST_DATA_DIR) }).secret;
  return cached;
}

/** Tests switch secrets between cases. */
export function resetServerSecret(): void {
  cached = undefined;
}
