// Environment, validated once. Worker, CLI and web all read settings here and
// nowhere else. Parsing is lazy so `next build` works without a database.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. Start datafast with `npm start` (it provides an embedded PostgreSQL) or export DATABASE_URL=postgresql://…" })
    .url({ error: "DATABASE_URL must be a postgresql:// URL" }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(32),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
  /** Lease of a claimed work item, renewed while its call runs: a killed worker's items run again within about this long. */
  WORK_ITEM_LEASE_SECONDS: z.coerce.number().int().min(2, { error: "WORK_ITEM_LEASE_SECONDS must be at least 2" }).max(3600, { error: "WORK_ITEM_LEASE_SECONDS must be at most 3600" }).default(60),
  /** Provider batch mode: seconds between two polls of a submitted batch. */
  PROVIDER_BATCH_POLL_SECONDS: z.coerce.number().min(0.1, { error: "PROVIDER_BATCH_POLL_SECONDS must be at least 0.1" }).max(3600, { error: "PROVIDER_BATCH_POLL_SECONDS must be at most 3600" }).default(60),
  /** Provider batch mode: most requests per batch (the provider's own limit applies when it is lower). */
  PROVIDER_BATCH_MAX_REQUESTS: z.coerce.number().int().min(1, { error: "PROVIDER_BATCH_MAX_REQUESTS must be at least 1" }).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Encrypts stored API keys. Unset: a random one is generated into <data dir>/secret. */
  DATAFAST_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, { error: "DATAFAST_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`), or unset to let datafast keep a random one in .data/secret" }).optional(),
  ),
  DATAFAST_DATA_DIR: z.string().optional(),
  /** The public address people open (e.g. https://datafast.example.com). https makes session cookies Secure; unset: taken from each request, cookies not Secure. */
  DATAFAST_URL: z.preprocess((value) => (value === "" ? undefined : value), z.url({ protocol: /^https?$/, error: "DATAFAST_URL must be the http(s) address people open, e.g. https://datafast.example.com" }).optional()),
  /** Signs session cookies. Unset: derived from the server secret (DATAFAST_SECRET or <data dir>/secret). */
  BETTER_AUTH_SECRET: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(32, { error: "BETTER_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`), or unset to derive it from the server secret" }).optional(),
  ),
  /** Sign-in attempts allowed per client address per minute; more answer 429. */
  AUTH_SIGN_IN_LIMIT: z.coerce.number().int().min(1, { error: "AUTH_SIGN_IN_LIMIT must be at least 1 (attempts per minute)" }).max(1000).default(10),
  /** An API token for the CLI (`dft_…`, Settings → API tokens); required once an account exists. */
  DATAFAST_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  /** Largest source file accepted (upload or design `file`), in bytes. */
  SOURCE_MAX_BYTES: z.coerce.number().int().min(1024, { error: "SOURCE_MAX_BYTES must be at least 1024 (bytes)" }).default(20 * 1024 * 1024),
  /** The Hugging Face dataset viewer API, for Hub samples. */
  HF_DATASETS_SERVER_URL: z.url({ error: "HF_DATASETS_SERVER_URL must be an http(s) URL" }).default("https://datasets-server.huggingface.co"),
  /** The Hugging Face Hub, for links to datasets. */
  HF_ENDPOINT: z.url({ error: "HF_ENDPOINT must be an http(s) URL" }).default("https://huggingface.co"),
  /** Hub token for gated or private datasets named in designs (the UI asks for one per fetch instead). */
  HF_TOKEN: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/**
 * Only what API-key encryption needs, so the secrets code works where the rest
 * of the environment is not set up (tests, a CLI that has not booted a database yet).
 */
export function getSecretEnv(): Pick<Env, "DATAFAST_SECRET" | "DATAFAST_DATA_DIR"> {
  const parsed = envSchema.pick({ DATAFAST_SECRET: true, DATAFAST_DATA_DIR: true }).safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n")}`);
  return parsed.data;
}

/** What sources need, readable without a database (tests, the CLI before it boots one). */
export function getSourceEnv(): Pick<Env, "SOURCE_MAX_BYTES" | "HF_DATASETS_SERVER_URL" | "HF_ENDPOINT" | "HF_TOKEN"> {
  const parsed = envSchema.pick({ SOURCE_MAX_BYTES: true, HF_DATASETS_SERVER_URL: true, HF_ENDPOINT: true, HF_TOKEN: true }).safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n")}`);
  return parsed.data;
}

/** What sign-in needs (the web server and tests), readable without a database. */
export function getAuthEnv(): Pick<Env, "DATAFAST_URL" | "BETTER_AUTH_SECRET" | "AUTH_SIGN_IN_LIMIT" | "DATAFAST_TOKEN"> {
  const parsed = envSchema.pick({ DATAFAST_URL: true, BETTER_AUTH_SECRET: true, AUTH_SIGN_IN_LIMIT: true, DATAFAST_TOKEN: true }).safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n")}`);
  return parsed.data;
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
