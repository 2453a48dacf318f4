import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { toArrayBuffer } from "@/server/testing/export-readers";
import { planColumns } from "./columns";
import { createParquetEncoder } from "./parquet";
import { rowValues } from "./row-values";

const columns = planColumns({ type: "conversation", design: {}, options: { lineage: ["cost"], split: null } });
const record = (index: number) => ({ id: `r${index}`, runId: "u", data: {}, editedData: null, reviewLabels: null, language: "en", model: "m", variables: {}, inputTokens: 0, outputTokens: 0, reasoningTokens: 0, costUsd: index / 100, createdAt: new Date() });
const data = (index: number) => ({ messages: index % 5 === 0 ? [] : [{ role: "user", content: `question ${index}` }, { role: "assistant", content: `answer ${index}` }], persona: "p", topic: "t", subtopic: index % 2 ? "s" : "", language: "en" });

describe("Parquet encoder", () => {
  it("sends each row group's bytes as soon as the group is full, and the footer at the end", () => {
    const encoder = createParquetEncoder(columns, { rows: 100, bytes: Number.POSITIVE_INFINITY });
    const sizes: number[] = [];
    const chunks: Uint8Array[] = [];
    const take = (out: (string | Uint8Array)[]) => {
      for (const chunk of out) chunks.push(chunk as Uint8Array);
      sizes.push(out.length);
    };
    take(encoder.start());
    for (let index = 0; index < 250; index++) take(encoder.add(rowValues(columns, record(index), data(index), null)));
    take(encoder.end());
    // The header first, then one chunk on rows 100 and 200, and nothing in between.
    expect(sizes[0]).toBe(1);
    expect(sizes.slice(1, -1).flatMap((size, index) => (size ? [index + 1] : []))).toEqual([100, 200]);
    const file = toArrayBuffer(Buffer.concat(chunks));
    const metadata = parquetMetadata(file);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([100, 100, 50]);
    return parquetReadObjects({ file }).then((rows) => {
      expect(rows).toHaveLength(250);
      expect(rows[0]).toEqual({ ...data(0), cost_usd: 0 });
      expect(rows[249]).toEqual({ ...data(249), cost_usd: 2.49 });
    });
  });

  it("closes a row group early when it holds too many bytes", () => {
    const encoder = createParquetEncoder(columns, { rows: 1000, bytes: 2_000 });
    const chunks = [...encoder.start()];
    for (let index = 0; index < 40; index++) chunks.push(...encoder.add(rowValues(columns, record(index), data(index), null)));
    chunks.push(...encoder.end());
    const groups = parquetMetadata(toArrayBuffer(Buffer.concat(chunks as Uint8Array[]))).row_groups;
    // Without the byte cap this would be one group of 40 rows.
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.length).toBeLessThan(40);
    expect(groups.reduce((sum, group) => sum + Number(group.num_rows), 0)).toBe(40);
  });
});
