// The CLI's own access check: no token needed before any account exists;
// afterwards DATAFAST_TOKEN must be a live token with the editor role or more.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/server/testing/database";
import { createTestToken, createTestUser } from "@/server/testing/accounts";
import { authorizeCli } from "./authorize";

const ROOT = path.resolve(import.meta.dirname, "../..");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/main.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("CLI authorization", () => {
  it("needs no token while datafast has no account", async () => {
    expect(await authorizeCli(database.db, undefined, "editor")).toBeNull();
  });

  it("once an account exists: refuses no token, a foreign or revoked token, and an annotator token; accepts an editor token", async () => {
    const editor = await createTestUser(database.db, "editor");
    const annotator = await createTestUser(database.db, "annotator");
    const editorToken = await createTestToken(database.db, editor);
    const annotatorToken = await createTestToken(database.db, annotator);

    await expect(authorizeCli(database.db, undefined, "editor")).rejects.toThrow(/set DATAFAST_TOKEN to an API token/);
    await expect(authorizeCli(database.db, "sk-not-ours", "editor")).rejects.toThrow(/DATAFAST_TOKEN was refused: This is not a datafast API token/);
    await expect(authorizeCli(database.db, annotatorToken, "editor")).rejects.toThrow(/needs an editor \(or owner\) token; DATAFAST_TOKEN belongs to .* with the annotator role/);
    expect(await authorizeCli(database.db, editorToken, "editor")).toMatchObject({ id: editor.id, role: "editor" });

    await database.db.apiToken.updateMany({ where: { userId: editor.id }, data: { revokedAt: new Date() } });
    await expect(authorizeCli(database.db, editorToken, "editor")).rejects.toThrow(/unknown or was revoked/);
  });

  it("the CLI itself stops before touching data without a token, with exit code 2 and the fix", async () => {
    const result = await cli(["export", "00000000-0000-4000-8000-000000000000", "--out", "/dev/null"], { DATAFAST_TOKEN: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: datafast has accounts: set DATAFAST_TOKEN/);
  });
});
