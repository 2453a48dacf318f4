// Turns a design's models into model references bound to provider connections:
// `{ connection: "name", model }` entries use a stored connection (its kind, URL,
// limits, key); inline entries get an implicit connection per endpoint + key variable.
import { createHash } from "node:crypto";
import { checkModelParameters } from "@/lib/designs/model-parameters";
import { isConnectionModel, providerKindOf, type ConnectionModelConfig, type InlineModelConfig, type ModelConfig } from "@/lib/designs/model-schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AppError, type FieldIssue } from "@/server/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { findConnectionsByNameWithCiphertext, findImplicitConnection, upsertImplicitConnection, type ConnectionRecord } from "./queries";

type ImplicitSettings = { structuredOutputs: boolean; timeoutMs: number | null; jsonSchemaRejected?: boolean };

function implicitName(model: InlineModelConfig): string {
  const kind = providerKindOf(model.provider);
  // openai-compatible keeps its original recipe so connections (and their limiter
  // state) made before other kinds existed are found again.
  const recipe = kind === "openai_compatible" ? `${model.baseURL ?? ""}|${model.apiKeyEnv ?? ""}` : `${kind}|${model.baseURL ?? ""}|${model.apiKeyEnv ?? ""}`;
  const tag = createHash("sha256").update(recipe).digest("hex").slice(0, 8);
  return `inline:${model.baseURL ? new URL(model.baseURL).host : kind}:${tag}`;
}

function resolutionError(issues: FieldIssue[]): AppError {
  // "models.0.connection" → "models[0].connection", as the design file reads.
  const lines = issues.map((issue) => `${issue.path.replace(/\.(\d+)(?=\.|$)/g, "[$1]")}: ${issue.message}`);
  return new AppError("BAD_REQUEST", lines.join("\n"), issues);
}

/** Unknown names, and parameters the connection's provider would reject (the design schema cannot know the provider of a named connection). */
function checkConnectionModels(models: readonly ModelConfig[], byName: Map<string, ConnectionRecord>): FieldIssue[] {
  return models.flatMap((model, index): FieldIssue[] => {
    if (!isConnectionModel(model)) return [];
    const connection = byName.get(model.connection);
    if (!connection) {
      return [{ path: `models.${index}.connection`, message: `no provider connection named "${model.connection}". Create it under Settings → Connections or fix the name.` }];
    }
    return checkModelParameters(connection.kind, model.model, model.parameters).map((issue) => ({ path: ["models", index, ...issue.path].join("."), message: issue.message }));
  });
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
    // A server that once rejected json_schema is asked in prompt mode from the start.
    structuredOutputs: connection.structuredOutputs && !connection.jsonSchemaRejected,
    timeoutMs: connection.timeoutMs ?? undefined,
  };
}

/**
 * `persist: false` (preview, plan summary) reads connections but never creates
 * implicit ones, so merely looking at a draft design leaves no trace in the database.
 */
export async function resolveDesignModels(db: PrismaClient, models: readonly ModelConfig[], options: { persist?: boolean } = {}): Promise<ModelRef[]> {
  const persist = options.persist ?? true;
  const names = [...new Set(models.filter(isConnectionModel).map((model) => model.connection))];
  const stored = names.length > 0 ? await findConnectionsByNameWithCiphertext(db, names) : [];
  const byName = new Map(stored.map((connection) => [connection.name, connection]));
  const issues = checkConnectionModels(models, byName);
  if (issues.length > 0) throw resolutionError(issues);

  const refs: ModelRef[] = [];
  for (const model of models) {
    if (isConnectionModel(model)) {
      refs.push(refFromConnection(model, byName.get(model.connection)!));
      continue;
    }
    const name = implicitName(model);
    const connection = persist
      ? await upsertImplicitConnection(db, {
          name,
          kind: providerKindOf(model.provider),
          baseUrl: model.baseURL ?? null,
          apiKeyEnv: model.apiKeyEnv ?? null,
          rpm: model.limits?.rpm ?? null,
          tpm: model.limits?.tpm ?? null,
          rpd: model.limits?.rpd ?? null,
          maxConcurrency: model.limits?.concurrency ?? null,
        })
      : await findImplicitConnection(db, name);
    refs.push(connection ? toModelRef(model, connection.id, connection) : toModelRef(model));
  }
  return refs;
}

/**
 * A reference without a database, for counting (plan summary) and previews of
 * inline models. A connection entry cannot be resolved without the database:
 * its reference here is a stand-in good for counting only; use
 * resolveDesignModels(db, models, { persist: false }) to call it.
 */
export function toModelRef(model: ModelConfig, connectionId = "preview", connection?: ImplicitSettings): ModelRef {
  if (isConnectionModel(model)) {
    return { connectionId, connectionName: model.connection, kind: "openai_compatible", model: model.model, hasStoredKey: false, parameters: model.parameters ?? {}, limits: {}, pricing: model.pricing, structuredOutputs: true };
  }
  return {
    connectionId,
    kind: providerKindOf(model.provider),
    connectionName: connectionId === "preview" ? undefined : implicitName(model),
    baseURL: model.baseURL,
    model: model.model,
    apiKeyEnv: model.apiKeyEnv,
    hasStoredKey: false,
    parameters: model.parameters ?? {},
    limits: model.limits ?? {},
    pricing: model.pricing,
    structuredOutputs: (connection?.structuredOutputs ?? true) && !connection?.jsonSchemaRejected,
    timeoutMs: connection?.timeoutMs ?? undefined,
  };
}
