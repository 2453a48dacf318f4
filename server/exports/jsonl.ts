// JSONL: one JSON object per row, the plan's columns as keys. Row fields keep
// their JSON values as generated (nested messages, lists, numbers).
import type { ExportColumn } from "./columns";
import type { ExportEncoder } from "./types";

export function createJsonlEncoder(columns: readonly ExportColumn[]): ExportEncoder {
  return {
    start: () => [],
    add: ({ raw }) => {
      const object: Record<string, unknown> = {};
      columns.forEach((column, index) => (object[column.name] = raw[index]));
      return [`${JSON.stringify(object)}\n`];
    },
    end: () => [],
  };
}
