// What a push to the Hugging Face Hub holds: the repo, its visibility, which
// rows, a seeded test split, the card's license and the commit message. One
// schema for the export page's form and the tRPC procedure.
import { z } from "zod";
import { exportRowSets } from "./export-options";

/** License ids the Hub's dataset card metadata accepts (a common subset; "other" covers the rest). */
export const hubLicenses = [
  "unknown",
  "other",
  "apache-2.0",
  "mit",
  "cc0-1.0",
  "cc-by-4.0",
  "cc-by-sa-4.0",
  "cc-by-nc-4.0",
  "cc-by-nc-sa-4.0",
  "cc-by-nd-4.0",
  "odc-by",
  "odbl",
  "pddl",
  "cdla-permissive-2.0",
  "cdla-sharing-1.0",
  "openrail",
] as const;
export type HubLicense = (typeof hubLicenses)[number];

const PART = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** Why a repo id is not a valid Hub dataset repo id, or null when it is. A missing owner is allowed (the connection's default applies). */
export function repoIdProblem(repoId: string): string | null {
  const parts = repoId.split("/");
  if (repoId === "") return "repo id is required, e.g. my-org/support-intents";
  if (parts.length > 2) return `repo id "${repoId}" has more than one "/": use owner/name, e.g. my-org/support-intents`;
  const name = parts.at(-1)!;
  const owner = parts.length === 2 ? parts[0]! : null;
  if (owner !== null && !PART.test(owner)) return `the owner "${owner}" in "${repoId}" may contain only letters, digits, - _ . and must start and end with a letter or digit`;
  if (!PART.test(name)) return `the repo name "${name}" in "${repoId}" may contain only letters, digits, - _ . and must start and end with a letter or digit`;
  if (name.length > 96) return `the repo name in "${repoId}" is longer than 96 characters`;
  if (/--|\.\./.test(name)) return `the repo name "${name}" must not contain "--" or ".."`;
  if (name.endsWith(".git")) return `the repo name "${name}" must not end with ".git"`;
  return null;
}

export const hubRepoIdSchema = z
  .string({ error: "repo id is required, e.g. my-org/support-intents" })
  .trim()
  // Pasted Hub URLs are common: keep only the owner/name part.
  .transform((value) => value.replace(/^https?:\/\/[^/]+\/datasets\//, "").replace(/\/+$/, ""))
  .superRefine((value, ctx) => {
    const problem = repoIdProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const hubPushOptionsSchema = z
  .object({
    connectionId: z.uuid({ error: "connectionId must be a Hugging Face Hub connection id; add one under Settings → Connections" }),
    repoId: hubRepoIdSchema,
    /** Applies when the repo is created; an existing repo keeps its visibility. */
    private: z.boolean({ error: "private must be true or false" }).default(true),
    rows: z.enum(exportRowSets, { error: `rows must be one of ${exportRowSets.join(", ")}` }).default("all"),
    /** 0 = one train split; otherwise the share of rows in a seeded test split. */
    testShare: z
      .number({ error: "testShare must be a number from 0 to 0.9" })
      .min(0, { error: "testShare must be 0 (no test split) or more" })
      .max(0.9, { error: "testShare must be at most 0.9" })
      .default(0),
    seed: z.number({ error: "seed must be a whole number" }).int({ error: "seed must be a whole number" }).min(0).max(4_294_967_295).default(42),
    license: z.enum(hubLicenses, { error: `license must be one of ${hubLicenses.join(", ")}` }).default("unknown"),
    commitMessage: z
      .string()
      .trim()
      .max(200, { error: "commitMessage must be at most 200 characters" })
      .transform((value) => value || undefined)
      .optional(),
  })
  .strict();

export type HubPushOptions = z.output<typeof hubPushOptionsSchema>;

export const hubPushInputSchema = hubPushOptionsSchema.extend({ datasetId: z.uuid({ error: "datasetId must be a dataset id (UUID)" }) });
