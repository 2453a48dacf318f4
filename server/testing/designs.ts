import type { DatasetDesignInput } from "@/lib/designs/design-schema";

/** The example design, pointed at a given mock LLM URL. */
export function supportIntentsDesign(baseURL: string, overrides: Partial<DatasetDesignInput> = {}): DatasetDesignInput {
  return {
    name: "support-intents",
    type: "classification",
    languages: ["en"],
    models: [{ provider: "openai-compatible", baseURL, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 6000, concurrency: 64 } }],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone."],
    variables: { tone: ["angry", "polite"] },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: 5,
    ...overrides,
  } as DatasetDesignInput;
}
