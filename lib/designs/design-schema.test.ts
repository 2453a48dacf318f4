import { describe, expect, it } from "vitest";
import { datasetDesignSchema } from "./design-schema";
import { formatIssues } from "./format-issues";
import { classificationExample } from "./examples";

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
