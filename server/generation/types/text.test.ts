import { describe, expect, it } from "vitest";
import { textExample } from "@/lib/designs/examples";
import { firstItemInput, planInline } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { textEngine } from "./text";

describe("text type", () => {
  it("plans document types × topics and renders both into the prompt", () => {
    const plan = planInline(textExample());
    expect(plan.items).toHaveLength(4);
    expect(plan.factors).toMatchObject({ documentTypes: 2, topics: 2 });
    expect(plan.items[0]!.payload.prompt).toContain("product review, about wireless headphones");
  });

  it("makes one row per text with its document type and topic", async () => {
    const rows = await textEngine.run(firstItemInput(textExample()), mockSteps(() => ({ texts: ["one", "two", "three"] })));
    expect(rows.map((row) => row.data)).toEqual(["one", "two", "three"].map((text) => ({ text, document_type: "product review", topic: "wireless headphones", language: "en" })));
  });
});
