// Turns a design's models into model references bound to provider connections.
import { createHash } from "node:crypto";
import type { ModelConfig } from "@/lib/designs/model-schema";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ModelRef } from "@/server/llm/model-ref";
import { upsertImplicitConnection } from "./queries";

function implicitName(model: ModelConfig): string {
  const url = new URL(model.baseURL);
  const tag = createHash("sha256").update(`${model.baseURL}|${model.apiKeyEnv ?? ""}`).digest("hex").slice(0, 8);
  return `inline:${url.host}:${tag}`;
}

export async function resolveDesignModels(db: PrismaClient, models: ModelConfig[]): Promise<ModelRef[]> {
  const refs: ModelRef[] = [];
  for (const model of models) {
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
  }
  return refs;
}

/** A reference without a stored connection, for counting and previews. */
export function toModelRef(model: ModelConfig, connectionId = "preview", connection?: { structuredOutputs: boolean; timeoutMs: number | null }): ModelRef {
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
