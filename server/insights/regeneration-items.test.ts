import { describe, expect, it } from "vitest";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { classificationExample } from "@/lib/designs/examples";
import type { WorkItemPayload } from "@/server/generation/payload";
import { planRun } from "@/server/generation/plan";
import type { ModelRef } from "@/server/llm/model-ref";
import { promptForOneSample, regenerationItems, withInstruction } from "./regeneration-items";

const design = datasetDesignSchema.parse(classificationExample()) as DatasetDesign;
const model = { kind: "openai-compatible", model: "mock-1", baseURL: "http://x/v1", parameters: {} } as unknown as ModelRef;
const [item] = planRun(design, { models: [model] }).items;
const payload = item!.payload;

describe("regeneration items", () => {
  it("renders the item's template for one sample, with the same cell and variable values", () => {
    expect(payload.prompt).toBe("Write 5 short English customer messages about billing (Questions about invoices and payments) in a angry tone.");
    expect(promptForOneSample(design, payload)).toBe("Write 1 short English customer messages about billing (Questions about invoices and payments) in a angry tone.");
  });

  it("keeps the original prompt when the design cannot reproduce it (edited since, or unknown)", () => {
    const edited = { ...design, templates: ["Write {{num_samples}} {{label}} texts, {{tone}}."] } as DatasetDesign;
    expect(promptForOneSample(edited, payload)).toBe(payload.prompt);
    expect(promptForOneSample(undefined, payload)).toBe(payload.prompt);
  });

  it("one item per row: one sample, the instruction appended and recorded, the replaced row, a key of its own", () => {
    const sources = ["row-a", "row-b"].map((rowId) => ({ rowId, key: item!.key, payload, design }));
    const items = regenerationItems(sources, "make the tone less formal");
    expect(items.map((planned) => planned.ordinal)).toEqual([0, 1]);
    for (const [index, planned] of items.entries()) {
      expect(planned.expectedRows).toBe(1);
      expect(planned.payload).toMatchObject({ samples: 1, replacesRowId: sources[index]!.rowId, instruction: "make the tone less formal", cell: payload.cell, model: payload.model });
      expect(planned.payload.prompt).toBe(withInstruction(promptForOneSample(design, payload), "make the tone less formal"));
      expect(planned.payload.prompt.endsWith("\n\nAdditional instruction: make the tone less formal")).toBe(true);
    }
    expect(items[0]!.key).not.toBe(items[1]!.key);
  });

  it("regenerating a regenerated row starts from its original prompt, not the earlier instruction", () => {
    const [first] = regenerationItems([{ rowId: "row-a", key: item!.key, payload, design }], "shorter");
    const [second] = regenerationItems([{ rowId: "row-a2", key: first!.key, payload: first!.payload as WorkItemPayload, design }], "in French");
    expect(second!.payload.prompt).toBe(withInstruction("Write 1 short English customer messages about billing (Questions about invoices and payments) in a angry tone.", "in French"));
    const [plain] = regenerationItems([{ rowId: "row-a3", key: first!.key, payload: first!.payload as WorkItemPayload, design }], undefined);
    expect(plain!.payload.prompt).not.toContain("Additional instruction");
    expect(plain!.payload.instruction).toBeUndefined();
  });
});
