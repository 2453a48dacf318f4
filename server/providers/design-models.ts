// Turns a design's models into model references bound to provider connections:
// `{ connection: "name", model }` entries use a stored connection (its kind, URL,
// limits, key); inline entries get an implicit connection per endpoint + key variable.
import { createHash } from "node:crypto";
import type { ModelConfig } from "@/lib/designs/model-schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, type FieldIssue } from "@/server/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { findConnectionsByNameWithCiphertext, findImplicitConnection, upsertImplicitConnection, type ConnectionRecord } from "./queries";

type ModelParameters = ModelRef["parameters"];
type ModelPricing = NonNullable<ModelRef["pricing"]>;

/**
 * The connection form of a design model. lib/designs/model-schema.ts is gaining
 * it as part of a `ModelConfig` union; until then this local shape is the contract.
 */
export type ConnectionModelConfig = { connection: string; model: string; parameters?: ModelParameters; pricing?: ModelPricing };
export type InlineModelConfig = Exclude<ModelConfig, { connection: string }>;
export type DesignModel = InlineModelConfig | ConnectionModelConfig;

export function isConnectionModel(model: DesignModel): model is ConnectionModelConfig {
  return "connection" in model && typeof model.connection === "string";
}

function implicitName(model: InlineModelConfig): string {
  const url = new URL(model.baseURL);
  const tag = createHash("sha256").update(`${model.baseURL}|${model.apiKeyEnv ?? ""}`).digest("hex").slice(0, 8);
  return `inline:${url.host}:${tag}`;
}

function unknownConnectionError(missing: { index: number; name: string }[]): AppError {
  const issues: FieldIssue[] = missing.map(({ index, name }) => ({
    path: `models.${index}.connection`,
    message: `no provider connection named "${name}". Create it under Settings → Connections or fix the name.`,
  }));
  const lines = missing.map(({ index }, i) => `models[${index}].connection: ${issues[i]!.message}`);
  return new AppError("BAD_REQUEST", lines.join("\n"), issues);
}

function refFromConnection(model: ConnectionModelConfig, connection: ConnectionRecord): ModelRef {
  return {
    connectionId: connection.id,
    connectionName: connection.name,
    kind: connection.kind,
    // Undefined = the provider's default endpoint (see lib/connections/schema.ts kindInfo).
    baseURL: connection.baseUrl ?? undefined,
    model: model.model,
    apiKeyEnv: connection.apiKeyEnv ?? undefined,
    hasStoredKey: connection.apiKeyCiphertext !== null,
    parameters: model.parameters ?? {},
    limits: {
      rpm: connection.rpm ?? undefined,
      tpm: connection.tpm ?? undefined,
      rpd: connection.rpd ?? undefined,
      concurrency: connection.maxConcurrency ?? undefined,
    },
    pricing: model.pricing,
    structuredOutputs: connection.structuredOutputs,
    timeoutMs: connection.timeoutMs ?? undefined,
  };
}

/**
 * `persist: false` (preview, plan summary) reads connections but never creates
 * implicit ones, so merely looking at a draft design leaves no trace in the database.
 */
export async function resolveDesignModels(db: PrismaClient, models: readonly DesignModel[], options: { persist?: boolean } = {}): Promise<ModelRef[]> {
  const persist = options.persist ?? true;
  const names = [...new Set(models.filter(isConnectionModel).map((model) => model.connection))];
  const stored = names.length > 0 ? await findConnectionsByNameWithCiphertext(db, names) : [];
  const byName = new Map(stored.map((connection) => [connection.name, connection]));
  const missing = models.flatMap((model, index) => (isConnectionModel(model) && !byName.has(model.connection) ? [{ index, name: model.connection }] : []));
  if (missing.length > 0) throw unknownConnectionError(missing);

  const refs: ModelRef[] = [];
  for (const model of models) {
    if (isConnectionModel(model)) {
      refs.push(refFromConnection(model, byName.get(model.connection)!));
    } else if (persist) {
      const connection = await upsertImplicitConnection(db, {
        name: implicitName(model),
        baseUrl: model.baseURL,
        apiKeyEnv: model.apiKeyEnv ?? null,
        rpm: model.limits?.rpm ?? null,
        tpm: model.limits?.tpm ?? null,
        rpd: model.limits?.rpd ?? null,
        maxConcurrency: model.limits?.concurrency ?? null,
      });
      refs.push(toModelRef(model, connection.id, connection));
    } else {
      const existing = await findImplicitConnection(db, implicitName(model));
      refs.push(existing ? toModelRef(model, existing.id, existing) : toModelRef(model));
    }
  }
  return refs;
}

/**
 * A reference without a database, for counting (plan summary) and previews of
 * inline models. A connection entry cannot be resolved without the database:
 * its reference here is a stand-in good for counting only; use
 * resolveDesignModels(db, models, { persist: false }) to call it.
 */
export function toModelRef(model: DesignModel, connectionId = "preview", connection?: { structuredOutputs: boolean; timeoutMs: number | null }): ModelRef {
  if (isConnectionModel(model)) {
    return { connectionId, connectionName: model.connection, kind: "openai_compatible", model: model.model, hasStoredKey: false, parameters: model.parameters ?? {}, limits: {}, pricing: model.pricing, structuredOutputs: true };
  }
  return {
    connectionId,
    kind: "openai_compatible",
    connectionName: connectionId === "preview" ? undefined : implicitName(model),
    baseURL: model.baseURL,
    model: model.model,
    apiKeyEnv: model.apiKeyEnv,
    hasStoredKey: false,
    parameters: model.parameters ?? {},
    limits: model.limits ?? {},
    pricing: model.pricing,
    structuredOutputs: connection?.structuredOutputs ?? true,
    timeoutMs: connection?.timeoutMs ?? undefined,
  };
}
