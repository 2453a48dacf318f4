// A seeded train/test split that depends only on (seed, row id): stable across
// exports, independent of the order rows are read in, and the same in SQL (the
// counts on the export page) as here (the files).
import { createHash } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client";
import type { ExportSplit, SplitPart } from "@/lib/exports/export-options";

const TWO_32 = 4_294_967_296;

/** A number in [0, 1) drawn from md5("<seed>:<row id>"), its first 32 bits. */
export function splitDraw(seed: number, rowId: string): number {
  const digest = createHash("md5").update(`${seed}:${rowId}`).digest();
  return digest.readUInt32BE(0) / TWO_32;
}

export function splitPartOf(split: Pick<ExportSplit, "seed" | "testShare">, rowId: string): SplitPart {
  return splitDraw(split.seed, rowId) < split.testShare ? "test" : "train";
}

/** The same draw in SQL, over `rows r`: true for the rows in the test part. */
export function testPartSql(split: Pick<ExportSplit, "seed" | "testShare">): Prisma.Sql {
  const draw = Prisma.sql`(('x' || substr(md5(${String(split.seed)}::text || ':' || r.id::text), 1, 8))::bit(32)::bigint::float8 / ${TWO_32}::float8)`;
  return Prisma.sql`${draw} < ${split.testShare}::float8`;
}
