// A format's encoder turns rows into bytes as they come: `start` once, `add` per
// row, `end` once, each returning what is ready to send (often nothing: Parquet
// holds one row group at a time). The same encoders feed a download stream and
// the files of a split, so every way out writes identical bytes.
import type { ExportFormat } from "@/lib/exports/export-options";
import type { ExportColumn } from "./columns";
import { createCsvEncoder } from "./csv";
import { createJsonlEncoder } from "./jsonl";
import { createParquetEncoder } from "./parquet";
import type { ExportEncoder } from "./types";

export type { Chunk, ExportEncoder } from "./types";

export function createEncoder(format: ExportFormat, columns: readonly ExportColumn[], options: { bom: boolean }): ExportEncoder {
  switch (format) {
    case "jsonl": return createJsonlEncoder(columns);
    case "csv": return createCsvEncoder(columns, options);
    case "parquet": return createParquetEncoder(columns);
  }
}

export const FORMAT_FILES: Record<ExportFormat, { extension: string; contentType: string }> = {
  jsonl: { extension: "jsonl", contentType: "application/x-ndjson; charset=utf-8" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8; header=present" },
  parquet: { extension: "parquet", contentType: "application/vnd.apache.parquet" },
};
