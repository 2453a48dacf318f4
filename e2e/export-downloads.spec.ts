// Downloads from the export page: each format parses back with the dataset's
// rows, the row choice follows the reviews, and a split as files is two files
// that together hold every row exactly once.
import { parquetReadObjects } from "hyparquet";
import { parseCsvStrict, toArrayBuffer } from "../server/testing/export-readers";
import { expect, test } from "./fixtures";
import { ExportPage } from "./pages/export-page";
import { seedReviewDataset } from "./pages/review-seed";

type Row = Record<string, unknown>;
const jsonl = (bytes: Buffer): Row[] => bytes.toString("utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);

test("download JSONL, CSV and Parquet from the export page, each parsing back to the dataset's rows", async ({ page }) => {
  // 2 labels × 2 tones × 2 samples = 8 rows.
  const datasetId = await seedReviewDataset(page.request, { name: "export-downloads", samples: 2 });
  const exportPage = new ExportPage(page);
  await exportPage.open(datasetId);
  await expect(exportPage.count()).toHaveText("8 rows will be exported");

  const asJsonl = await exportPage.download("download-jsonl");
  expect(asJsonl.download.suggestedFilename()).toMatch(/^export-downloads-\d+\.jsonl$/);
  const rows = jsonl(asJsonl.bytes);
  expect(rows).toHaveLength(8);
  expect(Object.keys(rows[0]!)).toEqual(["text", "label", "language"]);
  expect(new Set(rows.map((row) => row.label))).toEqual(new Set(["billing", "bug"]));

  await exportPage.choose({ format: "csv", lineage: ["model", "variables"], bom: true });
  const asCsv = await exportPage.download("download-csv");
  expect(asCsv.download.suggestedFilename()).toMatch(/\.csv$/);
  expect(asCsv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, ...records] = parseCsvStrict(asCsv.bytes.subarray(3).toString("utf8"));
  expect(header).toEqual(["text", "label", "language", "model", "variable_tone"]);
  expect(records).toHaveLength(8);
  expect(records.map((record) => record[0]).sort()).toEqual(rows.map((row) => String(row.text).replace(/^([=+\-@\t\r])/, "'$1")).sort());
  expect(new Set(records.map((record) => record[3]))).toEqual(new Set(["mock-1"]));
  expect(new Set(records.map((record) => record[4]))).toEqual(new Set(["angry", "polite"]));

  await exportPage.choose({ format: "parquet" });
  const asParquet = await exportPage.download("download-parquet");
  expect(asParquet.download.suggestedFilename()).toMatch(/\.parquet$/);
  const parquetRows = (await parquetReadObjects({ file: toArrayBuffer(asParquet.bytes) })) as Row[];
  expect(parquetRows.map((row) => row.text).sort()).toEqual(rows.map((row) => row.text).sort());
  expect(Object.keys(parquetRows[0]!)).toEqual(["text", "label", "language", "model", "variable_tone"]);
});

test("accepted rows only, and a seeded split downloaded as two files", async ({ page }) => {
  const datasetId = await seedReviewDataset(page.request, { name: "export-split", samples: 2 });
  const list = await page.request.get(`/api/trpc/rows.list?input=${encodeURIComponent(JSON.stringify({ datasetId, pageSize: 50 }))}`);
  const listed = ((await list.json()) as { result: { data: { rows: { id: string }[] } } }).result.data.rows;
  const accept = await page.request.post("/api/trpc/reviews.setStatus", { data: { datasetId, rowId: listed[0]!.id, status: "accepted" } });
  expect(accept.ok(), await accept.text()).toBe(true);

  const exportPage = new ExportPage(page);
  await exportPage.open(datasetId);
  await exportPage.choose({ rows: "accepted", lineage: ["row_id"] });
  await expect(exportPage.count()).toHaveText("1 row will be exported");
  const accepted = jsonl((await exportPage.download("download-jsonl")).bytes);
  expect(accepted.map((row) => row.row_id)).toEqual([listed[0]!.id]);

  await exportPage.choose({ rows: "all" });
  await exportPage.split("0.5", "7", "files");
  await expect(exportPage.count()).toHaveText(/^8 rows: \d train, \d test$/);
  const train = await exportPage.download("download-jsonl-train");
  const test = await exportPage.download("download-jsonl-test");
  expect(train.download.suggestedFilename()).toMatch(/\.train\.jsonl$/);
  expect(test.download.suggestedFilename()).toMatch(/\.test\.jsonl$/);
  const ids = [...jsonl(train.bytes), ...jsonl(test.bytes)].map((row) => row.row_id);
  expect(ids).toHaveLength(8);
  expect(new Set(ids).size).toBe(8);
  const counted = (await exportPage.count().textContent())!.match(/(\d) train, (\d) test/)!;
  expect([jsonl(train.bytes).length, jsonl(test.bytes).length]).toEqual([Number(counted[1]), Number(counted[2])]);
});
