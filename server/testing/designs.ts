import { classificationExample } from "@/lib/designs/examples";
import type { DatasetDesignInput, DesignInputOfType } from "@/lib/designs/design-schema";

/** The example design, pointed at a given mock LLM URL, with faster limits for tests. */
export function supportIntentsDesign(baseURL: string, overrides: Partial<DesignInputOfType<"classification">> = {}): DatasetDesignInput {
  const example = classificationExample(baseURL);
  return {
    ...example,
    models: example.models.map((model) => ({ ...model, limits: { rpm: 6000, concurrency: 64 } })),
    ...overrides,
  } as DatasetDesignInput;
}
