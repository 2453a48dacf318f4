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
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

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
