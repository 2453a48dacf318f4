import { describe, expect, it } from "vitest";
import { datasetDesignSchema } from "./design-schema";
import { formatIssues } from "./format-issues";
import { classificationExample } from "./examples";
import { isConnectionModel } from "./model-schema";

const example = classificationExample() as ReturnType<typeof classificationExample> & { models: Record<string, unknown>[]; labels: unknown[] };

function problems(design: unknown) {
  const parsed = datasetDesignSchema.safeParse(design);
  return parsed.success ? [] : formatIssues(parsed.error);
}

describe("datasetDesignSchema", () => {
  it("accepts the issue's example exactly as written", () => {
    expect(problems(example)).toEqual([]);
  });

  it("names an unknown variable, its template and the closest known name", () => {
    const issues = problems({ ...example, templates: ["Write about {{label}} in a {{tones}} tone."] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("templates.0");
    expect(issues[0]!.message).toContain("{{tones}}");
    expect(issues[0]!.message).toContain("{{tone}}");
  });

  it("rejects a template without the mandatory {{label}}", () => {
    const issues = problems({ ...example, templates: ["Write {{num_samples}} messages in a {{tone}} tone."] });
    expect(issues.map((issue) => issue.path)).toEqual(["templates.0"]);
    expect(issues[0]!.message).toContain("{{label}}");
  });

  it("requires {{language}} once there are several languages", () => {
    const issues = problems({ ...example, languages: ["en", "fr"], templates: ["About {{label}} in a {{tone}} tone."] });
    expect(issues.some((issue) => issue.path === "templates.0" && issue.message.includes("{{language}}"))).toBe(true);
  });

  it("explains field errors with the fix", () => {
    const issues = problems({ ...example, type: "sentiment", languages: ["english"], samplesPerPrompt: 0 });
    expect(issues.map((issue) => issue.path)).toContain("type");
    const typeIssue = issues.find((issue) => issue.path === "type")!;
    expect(typeIssue.message).toContain('"classification"');
  });

  it("rejects an API key pasted into apiKeyEnv and unknown fields", () => {
    const issues = problems({ ...example, models: [{ ...example.models[0], apiKeyEnv: "sk-abc-123" }], extra: 1 });
    expect(issues.find((issue) => issue.path === "models.0.apiKeyEnv")?.message).toContain("NAME of an environment variable");
    expect(issues.some((issue) => issue.message.toLowerCase().includes("extra"))).toBe(true);
  });

  it("rejects duplicate labels and bad language codes", () => {
    const issues = problems({ ...example, labels: [example.labels[0], example.labels[0]], languages: ["xx-invalid"] });
    expect(issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["labels.1.name", "languages.0"]));
  });
});

describe("design models", () => {
  const withModels = (...models: unknown[]) => problems({ ...example, models });

  it("accepts every provider inline, with baseURL optional except for openai-compatible", () => {
    for (const provider of ["openai", "anthropic", "google", "mistral", "openrouter", "ollama"]) {
      expect(withModels({ provider, model: "some-model", apiKeyEnv: "SOME_KEY" })).toEqual([]);
    }
    expect(withModels({ provider: "openai", baseURL: "https://proxy.example.com/v1", model: "gpt-4o-mini" })).toEqual([]);
    const issues = withModels({ provider: "openai-compatible", model: "mock-1" });
    expect(issues.map((issue) => issue.path)).toEqual(["models.0.baseURL"]);
    expect(issues[0]!.message).toContain('required for provider "openai-compatible"');
  });

  it("accepts a stored connection by name and parses it to the connection form", () => {
    const parsed = datasetDesignSchema.parse({ ...example, models: [{ connection: "my-openai", model: "gpt-4o-mini", parameters: { reasoningEffort: "low" } }, example.models[0]] });
    const [stored, inline] = parsed.models;
    expect(isConnectionModel(stored!)).toBe(true);
    expect(isConnectionModel(inline!)).toBe(false);
    expect(stored).toEqual({ connection: "my-openai", model: "gpt-4o-mini", parameters: { reasoningEffort: "low" } });
  });

  it("explains an entry that is neither form", () => {
    const issues = withModels({ model: "gpt-4o" });
    expect(issues).toEqual([{ path: "models.0", message: 'give either "connection" (the name of a stored provider connection) or "provider" + "model" (+ "baseURL" for openai-compatible)' }]);
  });

  it("rejects inline-only fields on a connection model, each with the fix", () => {
    const issues = withModels({ connection: "my-openai", model: "gpt-4o", provider: "openai", limits: { rpm: 10 } });
    expect(issues.map((issue) => issue.path)).toEqual(["models.0.provider", "models.0.limits"]);
    expect(issues[1]!.message).toContain("edit them there");
    expect(withModels({ connection: "", model: "gpt-4o" })[0]!.message).toContain("name of a stored provider connection");
  });

  it("names the provider spellings, suggesting the hyphen for openai_compatible", () => {
    expect(withModels({ provider: "openai_compatible", baseURL: "http://x/v1", model: "m" })[0]).toEqual({ path: "models.0.provider", message: 'provider is spelled "openai-compatible" in design files' });
    expect(withModels({ provider: "azure", model: "m" })[0]!.message).toContain('"anthropic"');
  });

  it("reports parameters the model rejects on the parameter's path", () => {
    const issues = withModels({ provider: "openai", model: "gpt-5-mini", parameters: { temperature: 0.7 } }, { provider: "openai", model: "gpt-4o", parameters: { reasoningEffort: "high" } });
    expect(issues).toEqual([
      { path: "models.0.parameters.temperature", message: "gpt-5-mini does not accept temperature (OpenAI reasoning models). Remove it." },
      { path: "models.1.parameters.reasoningEffort", message: expect.stringContaining("not a reasoning model") },
    ]);
    expect(withModels({ provider: "openai", model: "gpt-5-mini", parameters: { reasoningEffort: "max" } })[0]!.path).toBe("models.0.parameters.reasoningEffort");
  });
});

