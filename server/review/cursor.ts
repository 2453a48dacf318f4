// Keyset cursors: the last row's sort key (as Postgres printed it) and id, with
// the sort they belong to, so a cursor is never applied to another order.
import { z } from "zod";
import { AppError } from "@/server/errors";
import type { RowSort } from "@/lib/review/row-filter";

const cursorSchema = z.tuple([z.string(), z.enum(["asc", "desc"]), z.string(), z.uuid()]);

export function encodeCursor(sort: RowSort, last: { sortKey: string; id: string }): string {
  return Buffer.from(JSON.stringify([sort.field, sort.dir, last.sortKey, last.id])).toString("base64url");
}

export function decodeCursor(sort: RowSort, cursor: string): { key: string; id: string } {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("BAD_REQUEST", "This page cursor is not valid. Load the rows again from the first page.");
  }
  const [field, dir, key, id] = parsed;
  if (field !== sort.field || dir !== sort.dir) throw new AppError("BAD_REQUEST", "This page cursor belongs to another sort order. Load the rows again from the first page.");
  return { key, id };
}
