// Where a dataset's documents come from (mcq, preference, reasoning, transform).
// A design names one origin; the server resolves it into source records before
// planning, so work items carry their document text and never look it up again.
import { z } from "zod";

/** One value of a source record; every column of an uploaded file or Hub row. */
export const sourceValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SourceValue = z.infer<typeof sourceValueSchema>;
export const sourceRecordSchema = z.record(z.string(), sourceValueSchema);
export type SourceRecord = z.infer<typeof sourceRecordSchema>;

export const MAX_HUB_SAMPLE = 10_000;

/** A random sample of a Hugging Face Hub dataset, fetched through the dataset viewer API. */
export const hubSampleSchema = z
  .object({
    dataset: z.string().trim().regex(/^[\w.-]+(\/[\w.-]+)?$/, { error: 'dataset must be a Hub dataset id such as "stanfordnlp/imdb"' }),
    config: z.string().trim().min(1).optional(),
    split: z.string().trim().min(1).optional(),
    sample: z.number().int().min(1).max(MAX_HUB_SAMPLE, { error: `sample must be between 1 and ${MAX_HUB_SAMPLE} rows` }).default(100),
    seed: z.number().int().min(0).default(42),
  })
  .strict();
export type HubSample = z.infer<typeof hubSampleSchema>;

const lengthBound = z.number().int().min(0).max(1_000_000);

export const sourceRefSchema = z
  .object({
    /** A source stored in datafast (uploaded file or Hub sample), reusable across datasets. */
    sourceId: z.uuid({ error: "sourceId must be the id of a stored source" }).optional(),
    /** Records written in the design itself (starters, small tests). */
    records: z.array(sourceRecordSchema).min(1, { error: "records needs at least one record" }).max(10_000).optional(),
    /** A Hub sample, fetched and stored as a source when the design is first used. */
    hub: hubSampleSchema.optional(),
    /** A file next to the design file (CLI only): stored as a source when the design is read. */
    file: z.string().trim().min(1).optional(),
    /** With `file`: the whole file is one document, instead of one per blank-line block (.txt, .md) or per page (.pdf). */
    wholeFile: z.boolean().optional(),
    textColumn: z.string().trim().min(1).default("text"),
    contextColumn: z.string().trim().min(1).optional(),
    /** Documents shorter or longer than this (in characters) are skipped and counted. */
    minLength: lengthBound.default(1),
    maxLength: lengthBound.default(20_000),
    /** Use at most this many documents (the first ones, after skipping). */
    maxDocuments: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .superRefine((ref, ctx) => {
    const origins = (["sourceId", "records", "hub", "file"] as const).filter((key) => ref[key] !== undefined);
    if (origins.length !== 1) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: origins.length === 0
          ? "source needs one origin: sourceId (a stored source), records, hub or file"
          : `source has several origins (${origins.join(", ")}); keep exactly one`,
      });
    }
    if (ref.wholeFile !== undefined && ref.file === undefined) ctx.addIssue({ code: "custom", path: ["wholeFile"], message: "wholeFile applies to a file origin only; a stored source already has its documents" });
    if (ref.minLength > ref.maxLength) ctx.addIssue({ code: "custom", path: ["minLength"], message: `minLength (${ref.minLength}) is above maxLength (${ref.maxLength})` });
  });
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type SourceRefInput = z.input<typeof sourceRefSchema>;

/** A document as the dataset types see it: the text, its optional context, and every column. */
export type SourceDocument = { text: string; context?: string; record: SourceRecord; ordinal: number };

/** What resolving a source ref gives: documents within bounds, and what was skipped. */
export type ResolvedSource = {
  sourceId: string | null;
  name: string;
  columns: string[];
  documents: SourceDocument[];
  skipped: { empty: number; tooShort: number; tooLong: number; overLimit: number };
};
