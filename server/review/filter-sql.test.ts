import { describe, expect, it } from "vitest";
import { rowAfter, rowFilterWhere, rowOrderBy, rowSortKey } from "./filter-sql";

const DATASET = "0b5d8b9e-2c1a-4f4e-9a57-0d6f7e3b8c21";
const RUN = "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";

function render(filter: Parameters<typeof rowFilterWhere>[1]) {
  const sql = rowFilterWhere(DATASET, filter);
  return { text: sql.text.replace(/\s+/g, " "), values: sql.values };
}

describe("rowFilterWhere", () => {
  it("always restricts to the dataset's current rows", () => {
    expect(render({})).toEqual({ text: "r.dataset_id = $1::uuid AND r.current", values: [DATASET] });
  });

  it("treats a row without review as pending", () => {
    expect(render({ status: ["pending", "rejected"] })).toEqual({
      text: "r.dataset_id = $1::uuid AND r.current AND (v.row_id IS NULL OR v.status = ANY($2::review_status[]))",
      values: [DATASET, ["pending", "rejected"]],
    });
    expect(render({ status: ["accepted"] }).text).toBe("r.dataset_id = $1::uuid AND r.current AND v.status = ANY($2::review_status[])");
  });

  it("matches labels against the review's labels when it set any, else the row's", () => {
    const { text, values } = render({ labels: ["bug"] });
    expect(text).toContain("(COALESCE(cardinality(v.labels), 0) = 0 AND r.labels && $2::text[]) OR (cardinality(v.labels) > 0 AND v.labels && $3::text[])");
    expect(values).toEqual([DATASET, ["bug"], ["bug"]]);
  });

  it("filters languages, models and runs by membership", () => {
    const { text, values } = render({ languages: ["en", "fr"], models: ["mock-1"], runIds: [RUN] });
    expect(text).toBe("r.dataset_id = $1::uuid AND r.current AND r.language = ANY($2::text[]) AND r.model = ANY($3::text[]) AND r.run_id = ANY($4::uuid[])");
    expect(values).toEqual([DATASET, ["en", "fr"], ["mock-1"], [RUN]]);
  });

  it("matches each expansion variable by name, in a stable order, ignoring empty lists", () => {
    const { text, values } = render({ variables: { tone: ["angry", "polite"], audience: ["kids"], empty: [] } });
    expect(text).toBe(
      "r.dataset_id = $1::uuid AND r.current" +
        " AND (r.variables @> $2::jsonb) AND r.variables ->> $3::text = ANY($4::text[])" +
        " AND (r.variables @> $5::jsonb OR r.variables @> $6::jsonb) AND r.variables ->> $7::text = ANY($8::text[])",
    );
    expect(values).toEqual([DATASET, '{"audience":"kids"}', "audience", ["kids"], '{"tone":"angry"}', '{"tone":"polite"}', "tone", ["angry", "polite"]]);
  });

  it("can leave the index candidates out of variable conditions (same rows, another plan)", () => {
    const sql = rowFilterWhere(DATASET, { variables: { tone: ["angry"] } }, { variableCandidates: false });
    expect(sql.text).toBe("r.dataset_id = $1::uuid AND r.current AND r.variables ->> $2::text = ANY($3::text[])");
  });

  it("also looks for a variable value stored as a JSON number or boolean", () => {
    const { values } = render({ variables: { n: ["5", "five"], flag: ["true"] } });
    expect(values).toEqual([DATASET, '{"flag":"true"}', '{"flag":true}', "flag", ["true"], '{"n":"5"}', '{"n":5}', '{"n":"five"}', "n", ["5", "five"]]);
  });

  it("passes a variable name as a value, never as SQL", () => {
    const { text, values } = render({ variables: { "x'); DROP TABLE rows; --": ["a"] } });
    expect(text).not.toContain("DROP");
    expect(values).toContain("x'); DROP TABLE rows; --");
  });

  it("edited: a review with edited data that is not JSON null, or its complement", () => {
    expect(render({ edited: true }).text).toBe("r.dataset_id = $1::uuid AND r.current AND (v.edited_data IS NOT NULL AND jsonb_typeof(v.edited_data) <> 'null')");
    expect(render({ edited: false }).text).toBe("r.dataset_id = $1::uuid AND r.current AND NOT (v.edited_data IS NOT NULL AND jsonb_typeof(v.edited_data) <> 'null')");
  });

  it("duplicates: rows in a near-duplicate group, or the others", () => {
    expect(render({ duplicates: true }).text).toBe("r.dataset_id = $1::uuid AND r.current AND r.duplicate_group_id IS NOT NULL");
    expect(render({ duplicates: false }).text).toBe("r.dataset_id = $1::uuid AND r.current AND r.duplicate_group_id IS NULL");
  });

  it("reviewers: accepted or rejected rows whose review names them, through the review's dataset", () => {
    expect(render({ reviewers: ["Ana", "argilla:ben"] })).toEqual({
      text: "r.dataset_id = $1::uuid AND r.current AND (v.dataset_id = $2::uuid AND v.reviewer = ANY($3::text[]) AND v.status <> 'pending')",
      values: [DATASET, DATASET, ["Ana", "argilla:ben"]],
    });
  });

  it("ratings, rated and commented: on the review; a row without one is unrated and has no comment", () => {
    expect(render({ ratings: [4, 5] })).toEqual({ text: "r.dataset_id = $1::uuid AND r.current AND v.rating = ANY($2::int[])", values: [DATASET, [4, 5]] });
    expect(render({ rated: true }).text).toBe("r.dataset_id = $1::uuid AND r.current AND v.rating IS NOT NULL");
    expect(render({ rated: false }).text).toBe("r.dataset_id = $1::uuid AND r.current AND v.rating IS NULL");
    expect(render({ commented: true }).text).toBe("r.dataset_id = $1::uuid AND r.current AND (COALESCE(v.comment, '') <> '')");
    expect(render({ commented: false }).text).toBe("r.dataset_id = $1::uuid AND r.current AND NOT (COALESCE(v.comment, '') <> '')");
    expect(render({ reviewers: [], ratings: [] }).text).toBe("r.dataset_id = $1::uuid AND r.current");
  });

  it("searches the words of q with the last one as a prefix", () => {
    expect(render({ q: "Refund, please: ord" })).toEqual({
      text: "r.dataset_id = $1::uuid AND r.current AND r.text_search @@ to_tsquery('simple', $2)",
      values: [DATASET, "'refund' & 'please' & 'ord':*"],
    });
  });

  it("ignores a search without words", () => {
    expect(render({ q: " !!! " }).text).toBe("r.dataset_id = $1::uuid AND r.current");
  });

  it("combines every condition with AND", () => {
    const { text } = render({ status: ["accepted"], labels: ["a"], languages: ["en"], models: ["m"], runIds: [RUN], variables: { tone: ["x"] }, edited: true, duplicates: false, q: "word" });
    expect(text.split(" AND ").length).toBeGreaterThanOrEqual(10);
    expect(text).not.toContain(" OR r.current");
  });
});

describe("rowOrderBy and keyset cursors", () => {
  it("orders by the key then the id, in the same direction", () => {
    expect(rowOrderBy({ field: "created", dir: "asc" }).text).toBe("r.created_at ASC, r.id ASC");
    expect(rowOrderBy({ field: "length", dir: "desc" }).text).toBe("r.text_length DESC, r.id DESC");
    expect(rowOrderBy({ field: "status", dir: "asc" }).text).toBe("COALESCE(v.status::text, 'pending') ASC, r.id ASC");
    expect(rowOrderBy({ field: "label", dir: "asc" }).text).toBe("COALESCE((CASE WHEN cardinality(v.labels) > 0 THEN v.labels ELSE r.labels END)[1], '') ASC, r.id ASC");
  });

  it("resumes strictly after the cursor, casting the key back to its type", () => {
    const after = rowAfter({ field: "cost", dir: "desc" }, { key: "0.25", id: RUN });
    expect(after.text).toBe("(r.cost_usd, r.id) < ($1::float8, $2::uuid)");
    expect(after.values).toEqual(["0.25", RUN]);
    expect(rowAfter({ field: "created", dir: "asc" }, { key: "2026-01-01 00:00:00", id: RUN }).text).toBe("(r.created_at, r.id) > ($1::timestamp, $2::uuid)");
    expect(rowSortKey({ field: "text", dir: "asc" }).text).toBe("(r.text_sort)::text");
  });
});
