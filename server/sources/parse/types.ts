import type { SourceRecord } from "@/lib/sources/source-ref";

/** What a format's parser gives: records in file order and their columns. */
export type ParsedRecords = {
  records: SourceRecord[];
  columns: string[];
  /** Records dropped because they had no content (a CSV row of empty fields, a PDF page without text). */
  skippedEmpty: number;
};

export type ParseOptions = { fileName: string; wholeFile?: boolean };
