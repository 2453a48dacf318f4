// File formats a source can be made from, shared by the upload form (its
// `accept` list, its hints) and the server's parsers.
export const sourceFormats = {
  txt: { extensions: [".txt", ".text"], label: "Text" },
  md: { extensions: [".md", ".markdown"], label: "Markdown" },
  csv: { extensions: [".csv", ".tsv"], label: "CSV" },
  jsonl: { extensions: [".jsonl", ".ndjson"], label: "JSON Lines" },
  pdf: { extensions: [".pdf"], label: "PDF" },
} as const;

export type SourceFormat = keyof typeof sourceFormats;

/** What separates a CSV's fields; detected from its first rows. */
export type CsvSeparator = "comma" | "semicolon" | "tab" | "pipe";

/** Records one source may hold (a design uses at most this many documents too). */
export const MAX_SOURCE_RECORDS = 100_000;

export const sourceFileAccept = Object.values(sourceFormats).flatMap((format) => format.extensions).join(",");

/** Other spellings of a listed extension, left out of the hint shown to people. */
const extensionAliases = new Set([".text", ".markdown", ".ndjson"]);

/** The extensions the upload form names: ".txt, .md, .csv, .tsv, .jsonl, .pdf". */
export const sourceFormatList = Object.values(sourceFormats).flatMap((format) => format.extensions.filter((extension) => !extensionAliases.has(extension))).join(", ");

export function sourceFormatOf(fileName: string): SourceFormat | undefined {
  const lower = fileName.toLowerCase();
  return (Object.keys(sourceFormats) as SourceFormat[]).find((format) => sourceFormats[format].extensions.some((extension) => lower.endsWith(extension)));
}

/** Whether "one document per …" can be switched to "the whole file" for this format. */
export function splitsIntoDocuments(format: SourceFormat): boolean {
  return format === "txt" || format === "md" || format === "pdf";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}
