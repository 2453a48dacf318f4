import { describe, expect, it } from "vitest";
import { describeFilter, describeTarget } from "./describe-filter";

const count = (value: number) => new Intl.NumberFormat("en-US").format(value);

describe("describeFilter", () => {
  it("names each condition in a fixed order", () => {
    expect(describeFilter({ q: " refund ", labels: ["bug"] })).toBe("label = bug, q = refund");
    expect(
      describeFilter({
        status: ["pending", "rejected"],
        languages: ["en"],
        models: ["mock-1"],
        runIds: ["0f9b3c1e-1111-4222-8333-944445555666"],
        variables: { tone: ["angry", "polite"], audience: [] , age: ["kids"] },
        edited: false,
        duplicates: true,
      }),
    ).toBe("status = pending or rejected, language = en, model = mock-1, run = 0f9b3c1e, age = kids, tone = angry or polite, not edited, near-duplicates");
  });

  it("names who reviewed, the ratings and the comment condition", () => {
    expect(describeFilter({ reviewers: ["Ana Annotator", "argilla:ben"], ratings: [4, 5], commented: true })).toBe("reviewed by Ana Annotator or argilla:ben, rating = 4 or 5, with a comment");
    expect(describeFilter({ rated: false, commented: false, status: ["pending"] })).toBe("status = pending, not rated, without a comment");
    expect(describeFilter({ rated: true, reviewers: [], ratings: [] })).toBe("rated");
  });

  it("is empty for an empty filter", () => {
    expect(describeFilter({})).toBe("");
    expect(describeFilter({ labels: [], q: "  " })).toBe("");
  });
});

describe("describeTarget", () => {
  it("counts selected rows, matching rows, or all rows", () => {
    expect(describeTarget(1234, { labels: ["bug"], q: "refund" }, count)).toBe("1,234 rows matching 'label = bug, q = refund'");
    expect(describeTarget(1, null, count)).toBe("1 row selected");
    expect(describeTarget(20, {}, count)).toBe("all 20 rows");
  });
});
