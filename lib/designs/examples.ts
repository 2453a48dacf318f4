// Starter designs: what "New dataset" pre-fills and what the tests run. They
// point at the bundled mock LLM (npm run mock-llm) so they work offline.
import type { DatasetDesignInput } from "./design-schema";

export const MOCK_LLM_BASE_URL = "http://127.0.0.1:8787/v1";

export function classificationExample(baseURL = MOCK_LLM_BASE_URL): DatasetDesignInput {
  return {
    name: "support-intents",
    type: "classification",
    languages: ["en"],
    models: [{ provider: "openai-compatible", baseURL, model: "mock-1", apiKeyEnv: "MOCK_API_KEY", limits: { rpm: 600, concurrency: 64 } }],
    labels: [
      { name: "billing", description: "Questions about invoices and payments" },
      { name: "bug", description: "Reports that something is broken" },
    ],
    templates: ["Write {{num_samples}} short {{language}} customer messages about {{label}} ({{label_description}}) in a {{tone}} tone."],
    variables: { tone: ["angry", "polite"] },
    expansion: { mode: "combinatorial" },
    samplesPerPrompt: 5,
  };
}
