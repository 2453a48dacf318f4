import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dataDirectory, loadServerSecret } from "./server-secret";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "datafast-secret-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("server secret", () => {
  it("prefers DATAFAST_SECRET and writes no file", () => {
    const env = "e".repeat(40);
    expect(loadServerSecret({ envSecret: env, dataDir: dir })).toEqual({ secret: env, source: "env" });
    expect(() => statSync(path.join(dir, "secret"))).toThrow();
  });

  it("generates a random secret into <data dir>/secret with mode 0600 and reuses it", () => {
    const dataDir = path.join(dir, "nested", ".data");
    const first = loadServerSecret({ dataDir });
    expect(first.source).toBe("file");
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, "secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.secret);
    expect(loadServerSecret({ dataDir }).secret).toBe(first.secret);
    // Another data directory is another installation: another secret.
    expect(loadServerSecret({ dataDir: path.join(dir, "other") }).secret).not.toBe(first.secret);
  });

  it("rejects a truncated secret file instead of silently using it", () => {
    writeFileSync(path.join(dir, "secret"), "short\n", { mode: 0o600 });
    expect(() => loadServerSecret({ dataDir: dir })).toThrow(/shorter than 32 characters/);
  });

  it("resolves the data directory like the embedded database does", () => {
    expect(dataDirectory(".data/e2e", "/srv/app")).toBe("/srv/app/.data/e2e");
    expect(dataDirectory("/var/lib/datafast", "/srv/app")).toBe("/var/lib/datafast");
    expect(dataDirectory(undefined, path.resolve(import.meta.dirname, "../.."))).toBe(path.resolve(import.meta.dirname, "../../.data"));
  });
});
