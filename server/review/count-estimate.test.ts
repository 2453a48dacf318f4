import { describe, expect, it } from "vitest";
import { estimateCount } from "./count-estimate";
import type { RowFacets } from "./facet-queries";

const facets: RowFacets = {
  total: 1000,
  statuses: [{ value: "pending", count: 800 }, { value: "accepted", count: 150 }, { value: "rejected", count: 50 }],
  labels: [{ value: "bug", count: 500 }, { value: "billing", count: 300 }, { value: "praise", count: 200 }],
  languages: [{ value: "en", count: 600 }, { value: "fr", count: 400 }],
  models: [{ value: "m1", count: 1000 }],
  runs: [{ value: "run", count: 1000, createdAt: new Date(0) }],
  variables: { tone: [{ value: "angry", count: 250 }, { value: "polite", count: 750 }] },
  edited: 100,
  duplicates: 20,
  reviewers: [{ value: "Ana", count: 120 }, { value: "argilla:ben", count: 80 }],
  ratings: [{ value: "5", count: 40 }, { value: "1", count: 10 }],
  rated: 50,
  commented: 30,
};

describe("estimateCount", () => {
  it("is the facet count for a filter on one dimension", () => {
    expect(estimateCount(facets, {})).toBe(1000);
    expect(estimateCount(facets, { status: ["accepted", "rejected"] })).toBe(200);
    expect(estimateCount(facets, { variables: { tone: ["angry"] } })).toBe(250);
    expect(estimateCount(facets, { edited: false })).toBe(900);
    expect(estimateCount(facets, { duplicates: true })).toBe(20);
    expect(estimateCount(facets, { reviewers: ["argilla:ben"] })).toBe(80);
    expect(estimateCount(facets, { ratings: [5, 1] })).toBe(50);
    expect(estimateCount(facets, { rated: false })).toBe(950);
    expect(estimateCount(facets, { commented: true })).toBe(30);
  });

  it("multiplies the shares of several dimensions, and of the search", () => {
    expect(estimateCount(facets, { status: ["pending"], languages: ["fr"] })).toBe(320);
    expect(estimateCount(facets, { languages: ["en"] }, 0.1)).toBe(60);
    // A reviewer's rows are all accepted or rejected: status narrows among those (150 accepted of 200).
    expect(estimateCount(facets, { reviewers: ["Ana"], status: ["accepted"] })).toBe(90);
    expect(estimateCount(facets, { reviewers: ["Ana"], status: ["pending"] })).toBe(0);
  });

  it("never exceeds the dataset, and knows nothing of unknown values", () => {
    expect(estimateCount(facets, { labels: ["bug", "billing", "praise", "bug"] })).toBe(1000);
    expect(estimateCount(facets, { variables: { audience: ["kids"] } })).toBe(0);
    expect(estimateCount({ ...facets, total: 0 }, { status: ["pending"] })).toBe(0);
  });
});
