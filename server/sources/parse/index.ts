// One door for every file format: size limit, format by extension, encoding,
// then the format's parser; an empty result is an error that says why.
import { MAX_SOURCE_RECORDS, formatBytes, sourceFormatOf, sourceFormats, type CsvSeparator, type SourceFormat } from "@/lib/sources/formats";
import { AppError } from "@/server/errors";
import { csvSeparatorFor, parseCsv } from "./csv";
import { decodeText, type TextEncoding } from "./encoding";
import { fileError } from "./errors";
import { parseJsonl } from "./jsonl";
import { parseMarkdown } from "./markdown";
import { parsePdf } from "./pdf";
import { parseText } from "./text";
import type { ParsedRecords } from "./types";

/** `separator`: how a CSV with more than one column was split; null for one column and other formats. */
export type ParsedSourceFile = ParsedRecords & { format: SourceFormat; encoding: TextEncoding | null; separator: CsvSeparator | null; sizeBytes: number };

const emptyHint: Record<SourceFormat, string> = {
  txt: "it has no text",
  md: "it has no text",
  csv: "it needs a header row naming the columns and at least one row under it",
  jsonl: "it needs at least one line holding a JSON object",
  pdf: "no page has a text layer (a scanned PDF needs OCR first)",
};

/**
 * `sizeBytes` undefined: the size is not known, only that it is over (a stream cut at the limit).
 * `fileName` undefined: a multipart body cut off before its file name was read.
 */
export function sourceSizeError(fileName: string | undefined, maxBytes: number, sizeBytes?: number) {
  // Rounded sizes can read equal ("4 KB, above the 4 KB limit"); then give exact bytes.
  const exact = sizeBytes !== undefined && formatBytes(sizeBytes) === formatBytes(maxBytes);
  const show = (bytes: number) => (exact ? `${bytes.toLocaleString("en-US")} bytes` : formatBytes(bytes));
  const size = sizeBytes === undefined ? "larger than" : `${show(sizeBytes)}, above`;
  const message = `the file is ${size} the ${show(maxBytes)} limit for source files. Split it into smaller files, or raise SOURCE_MAX_BYTES on the server.`;
  return fileName ? fileError(fileName, undefined, message) : new AppError("BAD_REQUEST", `The uploaded file is ${message.slice("the file is ".length)}`);
}

export function checkSourceSize(fileName: string, sizeBytes: number, maxBytes: number): void {
  if (sizeBytes > maxBytes) throw sourceSizeError(fileName, maxBytes, sizeBytes);
}

export function requireSourceFormat(fileName: string): SourceFormat {
  const format = sourceFormatOf(fileName);
  if (!format) {
    const known = Object.values(sourceFormats).flatMap((entry) => entry.extensions).join(", ");
    throw fileError(fileName, undefined, `unsupported file type. Upload one of ${known} (the extension decides how the file is read).`);
  }
  return format;
}

/** Bytes enough to hold the rows the separator is detected from, in any encoding. */
const SEPARATOR_SAMPLE_BYTES = 256 * 1024;

/**
 * The separator a CSV file is split with, without parsing it all (for a file
 * stored before, which is not parsed again); null for one column or another format.
 * Separators and quotes are ASCII, so a sample cut inside a character still tells.
 */
export function csvSeparatorOf(file: { name: string; bytes: Uint8Array }): CsvSeparator | null {
  if (sourceFormatOf(file.name) !== "csv" || file.bytes.byteLength === 0) return null;
  return csvSeparatorFor(decodeText(file.bytes.subarray(0, SEPARATOR_SAMPLE_BYTES), file.name).text, file.name);
}

export async function parseSourceFile(file: { name: string; bytes: Uint8Array }, options: { wholeFile?: boolean; maxBytes: number }): Promise<ParsedSourceFile> {
  const { name, bytes } = file;
  checkSourceSize(name, bytes.byteLength, options.maxBytes);
  const format = requireSourceFormat(name);
  if (bytes.byteLength === 0) throw fileError(name, undefined, "the file is empty.");
  let parsed: ParsedRecords;
  let encoding: TextEncoding | null = null;
  let separator: CsvSeparator | null = null;
  if (format === "pdf") {
    parsed = await parsePdf(bytes, { fileName: name, wholeFile: options.wholeFile });
  } else {
    const decoded = decodeText(bytes, name);
    encoding = decoded.encoding;
    const parsers: Record<Exclude<SourceFormat, "pdf">, (text: string) => ParsedRecords> = {
      txt: (text) => parseText(text, options),
      md: (text) => parseMarkdown(text, options),
      csv: (text) => {
        const csv = parseCsv(text, { fileName: name });
        separator = csv.separator;
        return csv;
      },
      jsonl: (text) => parseJsonl(text, { fileName: name }),
    };
    parsed = parsers[format](decoded.text);
  }
  if (parsed.records.length === 0) throw fileError(name, undefined, `no documents found: ${emptyHint[format]}.`);
  if (parsed.records.length > MAX_SOURCE_RECORDS) {
    throw fileError(name, undefined, `${parsed.records.length.toLocaleString("en-US")} records, more than the ${MAX_SOURCE_RECORDS.toLocaleString("en-US")} a source may hold. Split the file and upload the parts as separate sources.`);
  }
  return { records: parsed.records, columns: parsed.columns, skippedEmpty: parsed.skippedEmpty, format, encoding, separator, sizeBytes: bytes.byteLength };
}
