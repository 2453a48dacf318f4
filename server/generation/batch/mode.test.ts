import { describe, expect, it } from "vitest";
import { modelRefSchema, type ModelRef } from "@/server/llm/model-ref";
import { checkBatchMode } from "./mode";
import { countFitting } from "./submit";

const ref = (kind: ModelRef["kind"], model: string, connectionName: string) => modelRefSchema.parse({ connectionId: "c", connectionName, kind, model });

describe("checkBatchMode", () => {
  it("accepts a single-call type whose models are all on OpenAI or Anthropic connections", () => {
    expect(() => checkBatchMode("classification", [ref("openai", "gpt-4o-mini", "my-openai"), ref("anthropic", "claude-haiku-4-5", "my-claude")])).not.toThrow();
  });

  it("names each model on a connection without a batch API, with the connection's kind", () => {
    let caught: unknown;
    try {
      checkBatchMode("classification", [ref("openai", "gpt-4o-mini", "my-openai"), ref("google", "gemini-2.5-flash", "gem"), ref("ollama", "llama3", "local")]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('model "gemini-2.5-flash" is on connection "gem" of kind Google (Gemini) (google)'),
      issues: [{ path: "models.1" }, { path: "models.2", message: expect.stringContaining('"llama3"') }],
    });
  });

  it("refuses a type whose work item makes several calls, naming the types that can", () => {
    expect(() => checkBatchMode("conversation", [ref("openai", "gpt-4o-mini", "my-openai")])).toThrow(/single call \(classification[^)]*\); conversation work items make several calls/);
  });
});

describe("countFitting", () => {
  it("keeps requests from the first while they fit the byte limit (one line break each), and always at least one", () => {
    expect(countFitting(["aaaa", "bbbb", "cccc"], 15)).toBe(3);
    expect(countFitting(["aaaa", "bbbb", "cccc"], 14)).toBe(2);
    expect(countFitting(["aaaaaaaaaaaaaaaaaaaa"], 5)).toBe(1);
    expect(countFitting(["é"], 3)).toBe(1);
  });
});
