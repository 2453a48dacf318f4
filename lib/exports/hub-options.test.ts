import { describe, expect, it } from "vitest";
import { hubPushOptionsSchema, hubRepoIdSchema, repoIdProblem } from "./hub-options";

describe("Hub repo ids", () => {
  it("accepts owner/name and a bare name", () => {
    expect(repoIdProblem("my-org/support_intents.v2")).toBeNull();
    expect(repoIdProblem("support-intents")).toBeNull();
  });

  it("names what is wrong", () => {
    expect(repoIdProblem("")).toContain("repo id is required");
    expect(repoIdProblem("a/b/c")).toContain('more than one "/"');
    expect(repoIdProblem("-org/name")).toContain('the owner "-org"');
    expect(repoIdProblem("org/na me")).toContain('the repo name "na me"');
    expect(repoIdProblem("org/a..b")).toContain('must not contain "--" or ".."');
    expect(repoIdProblem("org/data.git")).toContain('must not end with ".git"');
    expect(repoIdProblem(`org/${"x".repeat(97)}`)).toContain("longer than 96 characters");
  });

  it("takes a pasted Hub URL as its owner/name", () => {
    expect(hubRepoIdSchema.parse(" https://huggingface.co/datasets/my-org/intents/ ")).toBe("my-org/intents");
  });
});

describe("push options", () => {
  const connectionId = "7c1f0d52-0000-4000-8000-000000000001";

  it("defaults to a private push of all rows without a test split", () => {
    expect(hubPushOptionsSchema.parse({ connectionId, repoId: "org/name", commitMessage: "  " })).toEqual({ connectionId, repoId: "org/name", private: true, rows: "all", testShare: 0, seed: 42, license: "unknown", commitMessage: undefined });
  });

  it("rejects unknown licenses and fields, and out-of-range shares", () => {
    const result = hubPushOptionsSchema.safeParse({ connectionId, repoId: "org/name", license: "wtfpl", testShare: 0.95, extra: 1 });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message).join("\n");
    expect(messages).toContain("license must be one of");
    expect(messages).toContain("testShare must be at most 0.9");
    expect(messages).toContain('"extra"');
  });
});
