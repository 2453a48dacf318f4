import { describe, expect, it } from "vitest";
import { createConnectionSchema, updateConnectionSchema } from "@/lib/connections/schema";
import { changeKind, describeLimits, draftToInput, emptyDraft } from "./connection-draft";

describe("connection draft", () => {
  it("pre-fills the base URL of the kind and follows kind changes until the user edits it", () => {
    const draft = emptyDraft("openai");
    expect(draft.baseUrl).toBe("https://api.openai.com/v1");
    expect(changeKind(draft, "ollama").baseUrl).toBe("http://127.0.0.1:11434/api");
    expect(changeKind(draft, "openai_compatible").baseUrl).toBe("");
    const edited = { ...draft, baseUrl: "https://proxy.example/v1" };
    expect(changeKind(edited, "anthropic").baseUrl).toBe("https://proxy.example/v1");
  });

  it("maps to an input the shared schema accepts, with empty fields left out", () => {
    const input = draftToInput({ ...emptyDraft("openai"), name: "my-openai", apiKey: " sk-abc \n", rpm: "500", maxConcurrency: "" });
    const parsed = createConnectionSchema.parse(input);
    expect(parsed).toMatchObject({ name: "my-openai", kind: "openai", baseUrl: "https://api.openai.com/v1", apiKey: "sk-abc", rpm: 500, structuredOutputs: true });
    expect(parsed.maxConcurrency).toBeUndefined();
    expect(parsed.apiKeyEnv).toBeUndefined();
  });

  it("reports each bad field by name, once", () => {
    const empty = createConnectionSchema.safeParse(draftToInput({ ...emptyDraft("ollama") }));
    expect(empty.error!.issues.map((issue) => issue.message)).toEqual(["name is required, e.g. my-openai"]);
    const result = createConnectionSchema.safeParse(draftToInput({ ...emptyDraft("openai_compatible"), name: "has space", rpm: "abc", timeoutMs: "10" }));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths.sort()).toEqual(["baseUrl", "name", "rpm", "timeoutMs"]);
    const missingKey = createConnectionSchema.safeParse(draftToInput({ ...emptyDraft("google"), name: "g" }));
    expect(missingKey.error!.issues).toEqual([expect.objectContaining({ path: ["apiKey"], message: expect.stringContaining("Google (Gemini) requires an API key") })]);
  });

  it("on update, an empty key means keep, and clearing drops any typed key", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const keep = updateConnectionSchema.parse({ ...draftToInput({ ...emptyDraft("openai"), name: "x" }), id });
    expect(keep.apiKey).toBeUndefined();
    expect(keep.clearApiKey).toBe(false);
    const clear = updateConnectionSchema.parse({ ...draftToInput({ ...emptyDraft("openai_compatible"), name: "x", baseUrl: "http://h/v1", apiKey: "typed", clearApiKey: true }), id });
    expect(clear).toMatchObject({ apiKey: undefined, clearApiKey: true });
  });

  it("describes limits compactly", () => {
    expect(describeLimits({ rpm: 1200, tpm: 2_000_000, rpd: null, maxConcurrency: 8 })).toBe("1,200 RPM · 2M TPM · 8 at once");
    expect(describeLimits({ rpm: null, tpm: null, rpd: null, maxConcurrency: null })).toBeNull();
  });
});
