import { describe, expect, it } from "vitest";
import { transformExample } from "@/lib/designs/examples";
import { transformDesignSchema } from "@/lib/designs/types/transform";
import { firstItemInput, planInline } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { transformEngine } from "./transform";

describe("transform type", () => {
  it("plans one item per source row, with the row's columns in the prompt", () => {
    const plan = planInline(transformExample());
    expect(plan.items).toHaveLength(3);
    expect(plan.plannedRows).toBe(3);
    expect(plan.items[1]!.payload.prompt).toContain("Review: Stopped working after a week");
  });

  it("keeps the input columns and adds the typed outputs", async () => {
    const steps = mockSteps(() => ({ sentiment: "positive", topic: "battery and sound", score: 5 }));
    const rows = await transformEngine.run(firstItemInput(transformExample()), steps);
    expect(rows).toEqual([{ data: { id: 1, review: "The battery lasts two days and the sound is great.", sentiment: "positive", topic: "battery and sound", score: 5 }, text: "positive\nbattery and sound", labels: [] }]);
    expect(steps.calls[0]!.prompt).toContain("- sentiment (one of positive, negative, mixed): the overall sentiment");
  });

  it("re-asks an output outside the enum or with a missing field", async () => {
    const steps = mockSteps((_call, attempt) => (attempt === 1 ? { sentiment: "great", topic: "x" } : { sentiment: "mixed", topic: "price", score: 3 }));
    const rows = await transformEngine.run(firstItemInput(transformExample()), steps);
    expect(rows[0]!.data).toMatchObject({ sentiment: "mixed", score: 3 });
    expect(steps.calls[0]!.answers).toBe(2);
  });

  it("rejects a design whose template uses no column, names an unknown one, or whose output clashes with a column", () => {
    const design = transformExample();
    const issues = (input: unknown) => transformDesignSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    expect(issues({ ...design, templates: ["Describe it."] })).toEqual([expect.stringMatching(/^templates\.0: template 1 uses no source column/)]);
    expect(issues({ ...design, templates: ["Describe {{reveiw}}."] }).join("\n")).toMatch(/reveiw.*review/s);
    expect(issues({ ...design, outputFields: [{ name: "review", type: "string" }] })).toEqual([expect.stringMatching(/^outputFields\.0\.name: output field "review" has the name of a source column/)]);
  });
});
