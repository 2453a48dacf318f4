// Integration connection inputs (Hugging Face Hub, Argilla), shared by the
// settings form and the tRPC procedures so both give the same per-field messages.
import { z } from "zod";
import { connectionNameSchema } from "@/lib/connections/schema";

export const integrationKinds = ["hub", "argilla"] as const;
export type IntegrationKind = (typeof integrationKinds)[number];

type KindInfo = { label: string; defaultUrl?: string; urlExample: string; tokenLabel: string; tokenHelp: string };

export const integrationKindInfo: Record<IntegrationKind, KindInfo> = {
  hub: {
    label: "Hugging Face Hub",
    defaultUrl: "https://huggingface.co",
    urlExample: "https://huggingface.co",
    tokenLabel: "Access token",
    tokenHelp: "A Hub access token with write access (hf_…), from huggingface.co/settings/tokens.",
  },
  argilla: {
    label: "Argilla",
    urlExample: "https://my-argilla.example.org",
    tokenLabel: "API key",
    tokenHelp: "The Argilla user's API key (My settings → API key in the Argilla UI).",
  },
};

/** Form fields arrive as "" when left empty; the API treats that as "not given". */
const blank = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);

const urlSchema = z.preprocess(
  blank,
  z
    .url({ protocol: /^https?$/, error: "url must be an http(s) URL such as https://huggingface.co" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
);

// Hub user and organisation names: letters, digits, - _ . (no leading/trailing separator).
const ownerSchema = z.preprocess(
  blank,
  z
    .string()
    .max(96, { error: "owner must be at most 96 characters" })
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/, { error: "owner must be a Hub user or organisation name (letters, digits, - _ .), e.g. my-org" })
    .nullable()
    .optional(),
);

const workspaceSchema = z.preprocess(blank, z.string().max(128, { error: "workspace must be at most 128 characters" }).nullable().optional());

const tokenSchema = z.preprocess(blank, z.string().max(4096, { error: "token is too long" }).optional());

const fieldsSchema = z.object({
  name: connectionNameSchema,
  kind: z.enum(integrationKinds, { error: `kind must be one of ${integrationKinds.join(", ")}` }),
  url: urlSchema,
  /** Write-only: accepted on create/update, never returned. */
  token: tokenSchema,
  owner: ownerSchema,
  workspace: workspaceSchema,
});

const evenWithOtherIssues = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };
const validKind = (kind: unknown): kind is IntegrationKind => (integrationKinds as readonly unknown[]).includes(kind);

function checkUrl(value: { kind: IntegrationKind; url?: string }, ctx: z.RefinementCtx) {
  if (!value.url && !integrationKindInfo[value.kind].defaultUrl) {
    ctx.addIssue({ code: "custom", path: ["url"], message: `url is required for ${integrationKindInfo[value.kind].label}, e.g. ${integrationKindInfo[value.kind].urlExample}` });
  }
}

export function missingTokenMessage(kind: IntegrationKind): string {
  return `token is required for ${integrationKindInfo[kind].label}: ${integrationKindInfo[kind].tokenHelp}`;
}

export const createIntegrationSchema = fieldsSchema.superRefine((value, ctx) => {
  if (!validKind(value.kind)) return;
  checkUrl(value, ctx);
  if (!value.token) ctx.addIssue({ code: "custom", path: ["token"], message: missingTokenMessage(value.kind) });
}, evenWithOtherIssues);

/** An empty token keeps the stored one. */
export const updateIntegrationSchema = fieldsSchema.extend({ id: z.uuid({ error: "id must be an integration connection id (UUID)" }) }).superRefine((value, ctx) => {
  if (!validKind(value.kind)) return;
  checkUrl(value, ctx);
}, evenWithOtherIssues);

export const integrationIdSchema = z.object({ id: z.uuid({ error: "id must be an integration connection id (UUID)" }) });

export const listIntegrationsSchema = z.object({ kind: z.enum(integrationKinds).optional() }).optional();

export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;
export type UpdateIntegrationInput = z.input<typeof updateIntegrationSchema>;
export type CreateIntegration = z.output<typeof createIntegrationSchema>;
export type UpdateIntegration = z.output<typeof updateIntegrationSchema>;
