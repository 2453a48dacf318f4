import type { RowValues } from "./row-values";

export type Chunk = string | Uint8Array;

/** `start` once, `add` per row, `end` once; each returns the bytes ready to send (often none). */
export type ExportEncoder = {
  start(): Chunk[];
  add(row: RowValues): Chunk[];
  end(): Chunk[];
};
