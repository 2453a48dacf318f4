// `cli schema` as a user runs it: no database, the schema alone on stdout.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { designJsonSchema } from "@/lib/designs/design-json-schema";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("cli schema", () => {
  it("prints the design's JSON Schema, 2-space indented", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "server/cli/main.ts", "schema"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: "postgres://nowhere.invalid/none" } });
    expect(JSON.parse(stdout)).toEqual(designJsonSchema());
    expect(stdout).toBe(`${JSON.stringify(designJsonSchema(), null, 2)}\n`);
  }, 30_000);
});
