// Exports stream: rows are read in keyset pages and written line by line.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { iterateRows, resolveTarget } from "./queries";

export const EXPORT_FORMATS = ["jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function prepareExport(db: PrismaClient, id: string, format: string) {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("BAD_REQUEST", `Unknown export format "${format}". Use one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("BAD_REQUEST", `"${id}" is not a dataset or run id (expected a UUID).`);
  const target = await resolveTarget(db, id);
  if (!target) throw new AppError("NOT_FOUND", `No dataset or run with id ${id}.`);
  const filename = `${target.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "dataset"}.${format}`;
  return { target, filename, format: format as ExportFormat, contentType: "application/x-ndjson; charset=utf-8" };
}

/** One JSON object per line: the row's fields as generated. */
export async function* jsonlLines(db: PrismaClient, target: { datasetId: string; runId?: string }): AsyncGenerator<string> {
  for await (const row of iterateRows(db, target)) {
    yield `${JSON.stringify(row.data)}\n`;
  }
}
