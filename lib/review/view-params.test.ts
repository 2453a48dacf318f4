import { describe, expect, it } from "vitest";
import { isFiltered, parseViewParams, viewToParams, type ReviewView } from "./view-params";

const RUN = "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
const ROW = "0b5d8b9e-2c1a-4f4e-9a57-0d6f7e3b8c21";
const parse = (query: string) => parseViewParams(new URLSearchParams(query));

describe("view params", () => {
  it("round-trips every filter, the sort and the row, values with commas and spaces included", () => {
    const view: ReviewView = {
      filter: {
        status: ["pending", "rejected"],
        labels: ["bug", "a, b"],
        languages: ["fr"],
        models: ["mock-1"],
        runIds: [RUN],
        variables: { tone: ["angry", "very polite"], "audience type": ["kids & teens"] },
        edited: true,
        duplicates: false,
        q: "late refund",
      },
      sort: { field: "length", dir: "desc" },
      row: ROW,
    };
    const query = viewToParams(view).toString();
    expect(parse(query)).toEqual({ ...view, notices: [] });
  });

  it("round-trips who reviewed, the ratings and the comment flag", () => {
    const view: ReviewView = {
      filter: { reviewers: ["Ana Annotator", "argilla:ben", "O'Brien, Pat"], ratings: [5, 1], rated: false, commented: true },
      sort: { field: "created", dir: "asc" },
      row: null,
    };
    const params = viewToParams(view);
    expect(params.getAll("reviewer")).toEqual(["Ana Annotator", "argilla:ben", "O'Brien, Pat"]);
    expect(params.getAll("rating")).toEqual(["5", "1"]);
    expect(params.get("rated")).toBe("no");
    expect(params.get("comment")).toBe("yes");
    expect(parse(params.toString())).toEqual({ ...view, notices: [] });
    expect(parse("rated=yes&comment=no").filter).toEqual({ rated: true, commented: false });
  });

  it("ignores ratings outside 1–5, a blank reviewer and a bad comment flag, keeping the rest", () => {
    const parsed = parse(`rating=4&rating=6&rating=two&rating=4&reviewer=&reviewer=Ana&reviewer=${"x".repeat(201)}&comment=maybe`);
    expect(parsed.filter).toEqual({ ratings: [4], reviewers: ["Ana"] });
    expect(parsed.notices).toEqual([
      "Ignored reviewer: an empty value.",
      `Ignored reviewer: “${"x".repeat(40)}…” is longer than a reviewer's name can be (200 characters).`,
      "Ignored rating: “6” is not a rating (1, 2, 3, 4, 5).",
      "Ignored rating: “two” is not a rating (1, 2, 3, 4, 5).",
      "Ignored comment: “maybe” is neither yes nor no.",
    ]);
  });

  it("leaves defaults out of the address", () => {
    expect(viewToParams({ filter: {}, sort: { field: "created", dir: "asc" }, row: null }).toString()).toBe("");
    expect(viewToParams({ filter: { q: "  ", labels: [] }, sort: { field: "created", dir: "asc" }, row: null }).toString()).toBe("");
  });

  it("reads an empty address as the default view", () => {
    expect(parse("")).toEqual({ filter: {}, sort: { field: "created", dir: "asc" }, row: null, notices: [] });
  });

  it("keeps the valid parts of a garbled address and says what it ignored", () => {
    const parsed = parse(`status=pending&status=maybe&run=nope&run=${RUN}&edited=perhaps&sort=colour&row=123&utm_source=x&label=bug&label=bug`);
    expect(parsed.filter).toEqual({ status: ["pending"], runIds: [RUN], labels: ["bug"] });
    expect(parsed.sort).toEqual({ field: "created", dir: "asc" });
    expect(parsed.row).toBeNull();
    expect(parsed.notices).toEqual([
      "Ignored status: “maybe” is not a review status (pending, accepted, rejected).",
      "Ignored run: “nope” is not a run id.",
      "Ignored the unknown parameter “utm_source”.",
      "Ignored edited: “perhaps” is neither yes nor no.",
      "Ignored sort: “colour” is not a column to sort by.",
      "Ignored row: “123” is not a row id.",
    ]);
  });

  it("refuses an over-long search and a bad direction", () => {
    const parsed = parse(`q=${"a".repeat(501)}&sort=text&dir=sideways`);
    expect(parsed.filter).toEqual({});
    expect(parsed.sort).toEqual({ field: "created", dir: "asc" });
    expect(parsed.notices).toHaveLength(2);
  });

  it("tells whether a filter narrows anything", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ status: [] })).toBe(false);
    expect(isFiltered({ edited: false })).toBe(true);
    expect(isFiltered({ variables: { tone: ["x"] } })).toBe(true);
    expect(isFiltered({ reviewers: [], ratings: [] })).toBe(false);
    expect(isFiltered({ ratings: [3] })).toBe(true);
    expect(isFiltered({ commented: false })).toBe(true);
  });
});
