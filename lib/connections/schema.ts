// Provider connection inputs, shared by the settings form and the tRPC procedures,
// so the browser shows the same per-field messages the server would answer with.
import { z } from "zod";
import type { ProviderKindName } from "@/server/llm/model-ref";

export const connectionKinds = ["openai", "anthropic", "google", "mistral", "openrouter", "ollama", "openai_compatible"] as const;
export type ConnectionKind = (typeof connectionKinds)[number];
// The server's list (server/llm/model-ref.ts) and this one must name the same kinds.
const sameKinds: [ConnectionKind, ProviderKindName] extends [ProviderKindName, ConnectionKind] ? true : never = true;
void sameKinds;

type KindInfo = {
  label: string;
  /** Used when the connection has no base URL; the form pre-fills it. */
  defaultBaseUrl?: string;
  requiresKey: boolean;
  /** Model the "Test" button calls when none is given; unset = the first one the server lists. */
  testModel?: string;
};

export const kindInfo: Record<ConnectionKind, KindInfo> = {
  openai: { label: "OpenAI", defaultBaseUrl: "https://api.openai.com/v1", requiresKey: true, testModel: "gpt-4o-mini" },
  anthropic: { label: "Anthropic", defaultBaseUrl: "https://api.anthropic.com/v1", requiresKey: true, testModel: "claude-haiku-4-5" },
  google: { label: "Google (Gemini)", defaultBaseUrl: "https://generativelanguage.googleapis.com/v1beta", requiresKey: true, testModel: "gemini-2.5-flash-lite" },
  mistral: { label: "Mistral", defaultBaseUrl: "https://api.mistral.ai/v1", requiresKey: true, testModel: "mistral-small-latest" },
  openrouter: { label: "OpenRouter", defaultBaseUrl: "https://openrouter.ai/api/v1", requiresKey: true, testModel: "openai/gpt-4o-mini" },
  ollama: { label: "Ollama", defaultBaseUrl: "http://127.0.0.1:11434/api", requiresKey: false },
  openai_compatible: { label: "OpenAI-compatible", requiresKey: false },
};

/** Form fields arrive as "" when left empty; the API treats that as "not given". Strings are trimmed before any check. */
const blank = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);

export const connectionNameSchema = z
  .string({ error: "name is required" })
  .trim()
  .min(1, { error: "name is required, e.g. my-openai" })
  .max(64, { error: "name must be at most 64 characters" })
  // Empty passes here so an empty name gets one message (the min above), not two.
  .regex(/^(?:[A-Za-z0-9][A-Za-z0-9._-]*)?$/, { error: "name may contain only letters, digits, - _ and . (it is how design files refer to the connection), and must start with a letter or digit" });

const baseUrlSchema = z.preprocess(
  blank,
  z
    .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL such as https://api.openai.com/v1" })
    // "…/v1/" and "…/v1" are the same endpoint; the SDKs append paths themselves.
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
);

// The columns are 32-bit integers; a bigger number would fail in the database, not here.
const INT_MAX = 2_147_483_647;

const limit = (name: string, max = INT_MAX) =>
  z.preprocess(
    blank,
    z
      .number({ error: `${name} must be a number` })
      .int({ error: `${name} must be a whole number` })
      .min(1, { error: `${name} must be at least 1` })
      .max(max, { error: `${name} must be at most ${max}` })
      .nullable()
      .optional(),
  );

const connectionFieldsSchema = z.object({
  name: connectionNameSchema,
  kind: z.enum(connectionKinds, { error: `kind must be one of ${connectionKinds.join(", ")}` }),
  baseUrl: baseUrlSchema,
  /** Write-only: accepted on create/update, never returned. */
  apiKey: z.preprocess(blank, z.string().max(4096, { error: "apiKey is too long" }).optional()),
  /** Alternative to a stored key: the NAME of a server environment variable holding it. */
  apiKeyEnv: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "apiKeyEnv must be the NAME of an environment variable (e.g. OPENAI_API_KEY), never the key itself" })
      .nullable()
      .optional(),
  ),
  rpm: limit("rpm"),
  tpm: limit("tpm"),
  rpd: limit("rpd"),
  maxConcurrency: limit("maxConcurrency", 1024),
  structuredOutputs: z.boolean().default(true),
  timeoutMs: z.preprocess(
    blank,
    z.number({ error: "timeoutMs must be a number" }).int({ error: "timeoutMs must be a whole number" }).min(1000, { error: "timeoutMs must be at least 1000 (1 second)" }).max(3_600_000, { error: "timeoutMs must be at most 3600000 (1 hour)" }).nullable().optional(),
  ),
});

type Fields = z.infer<typeof connectionFieldsSchema>;

function checkBaseUrl(value: Pick<Fields, "kind" | "baseUrl">, ctx: z.RefinementCtx) {
  if (value.kind === "openai_compatible" && !value.baseUrl) {
    ctx.addIssue({ code: "custom", path: ["baseUrl"], message: "baseUrl is required for an OpenAI-compatible server, e.g. http://127.0.0.1:8787/v1" });
  }
}

/**
 * Cross-field rules run even when another field failed (zod skips them by
 * default), so the form shows every problem at once. They only read fields
 * they can trust: `kind` is checked against the list before use.
 */
const evenWithOtherIssues = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };
const validKind = (kind: unknown): kind is ConnectionKind => (connectionKinds as readonly unknown[]).includes(kind);

export function missingKeyMessage(kind: ConnectionKind): string {
  return `${kindInfo[kind].label} requires an API key: enter it, or name the server environment variable that holds it`;
}

export const createConnectionSchema = connectionFieldsSchema.superRefine((value, ctx) => {
  if (!validKind(value.kind)) return;
  checkBaseUrl(value, ctx);
  if (kindInfo[value.kind].requiresKey && !value.apiKey && !value.apiKeyEnv) ctx.addIssue({ code: "custom", path: ["apiKey"], message: missingKeyMessage(value.kind) });
}, evenWithOtherIssues);

/** An empty apiKey keeps the stored one; `clearApiKey` removes it. Whether a required key remains is checked by the server, which knows what is stored. */
export const updateConnectionSchema = connectionFieldsSchema
  .extend({ id: z.uuid({ error: "id must be a connection id (UUID)" }), clearApiKey: z.boolean().default(false) })
  .superRefine((value, ctx) => {
    if (!validKind(value.kind)) return;
    checkBaseUrl(value, ctx);
    if (value.clearApiKey === true && value.apiKey) ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Either enter a new key or remove the stored one, not both" });
  }, evenWithOtherIssues);

export const connectionIdSchema = z.object({ id: z.uuid({ error: "id must be a connection id (UUID)" }) });

export const testConnectionSchema = connectionIdSchema.extend({
  /** Model to call; defaults to a small model of the provider, or the first one the server lists. */
  model: z.preprocess(blank, z.string().max(200).optional()),
});

export type CreateConnectionInput = z.input<typeof createConnectionSchema>;
export type UpdateConnectionInput = z.input<typeof updateConnectionSchema>;
export type CreateConnection = z.output<typeof createConnectionSchema>;
export type UpdateConnection = z.output<typeof updateConnectionSchema>;
