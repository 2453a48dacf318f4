// What the Argilla card sends to the argilla procedures: shared by the card (types)
// and the server (validation), so both give the same messages.
import { z } from "zod";

const connectionId = z.uuid({ error: "connectionId must be an Argilla connection id (UUID); add one under Settings → Connections" });

/** Argilla workspace names: lowercase letters, digits, - and _, starting with a letter or digit. */
export const argillaWorkspaceSchema = z
  .string()
  .trim()
  .min(1, { error: "workspace is required" })
  .max(128, { error: "workspace must be at most 128 characters" })
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: "workspace must use lowercase letters, digits, - and _ (Argilla's rule), e.g. datafast-review" });

export const argillaConnectionInputSchema = z.object({ connectionId });

/** An Argilla dataset name (Argilla allows 1 to 200 characters); a new one is created when the workspace has none of that name. */
export const argillaDatasetNameSchema = z
  .string()
  .trim()
  .min(1, { error: "argillaDataset cannot be empty: leave it out to push to the linked Argilla dataset" })
  .max(200, { error: "argillaDataset must be at most 200 characters (Argilla's limit)" });

/** Without a workspace, the connection's default workspace is used; without argillaDataset, the dataset pushed before (or a new one). */
export const argillaPushInputSchema = z.object({ connectionId, workspace: argillaWorkspaceSchema.optional(), argillaDataset: argillaDatasetNameSchema.optional() });
export type ArgillaPushInput = z.infer<typeof argillaPushInputSchema>;

/** overwrite: apply Argilla's answer even where a person changed the review in the app since the last push. */
export const argillaPullInputSchema = z.object({ linkId: z.uuid({ error: "linkId must be an Argilla link id (UUID); push the dataset first" }), overwrite: z.boolean().default(false) });
export type ArgillaPullInput = z.input<typeof argillaPullInputSchema>;

/** What a pull back did: answered records, rows changed or not, conflicts with in-app reviews, invalid corrections. */
export type ArgillaPullReport = {
  fetched: number;
  changed: number;
  unchanged: number;
  conflicts: number;
  conflictRowIds: string[];
  invalid: number;
  invalidRows: { rowId: string; message: string }[];
};
