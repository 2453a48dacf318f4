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

/** Without a workspace, the connection's default workspace is used. */
export const argillaPushInputSchema = z.object({ connectionId, workspace: argillaWorkspaceSchema.optional() });
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
