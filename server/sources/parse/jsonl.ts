// .jsonl: one JSON object per line; its keys are the columns. Nested values
// become JSON text so every column stays a flat, printable value.
import type { SourceRecord } from "@/lib/sources/source-ref";
import { columnsOf, flattenRecord } from "../flatten";
import { normalizeNewlines } from "./encoding";
import { fileError } from "./errors";
import type { ParsedRecords } from "./types";

const example = 'Each line must be one JSON object, such as {"text": "…"}';

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

export function parseJsonl(text: string, options: { fileName: string }): ParsedRecords {
  const { fileName } = options;
  const lines = normalizeNewlines(text).split("\n");
  const records: SourceRecord[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const hint = index === 0 && line.startsWith("[")
        ? "The file looks like one JSON array; write one object per line instead (for example `jq -c '.[]' file.json > file.jsonl`)."
        : `${example}, and an object cannot continue on the next line.`;
      throw fileError(fileName, `line ${index + 1}`, `not valid JSON (${(error as Error).message}). ${hint}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw fileError(fileName, `line ${index + 1}`, `${kindOf(value)}, not a JSON object. ${example}.`);
    }
    records.push(flattenRecord(value as Record<string, unknown>));
  });
  return { records, columns: columnsOf(records), skippedEmpty: 0 };
}
