// Preview: a few rows generated live from an unsaved design, streamed as they
// are written. Nothing is stored. Each preview row comes from a different work
// item (distinct labels first) so the user sees the design's variety.
import { NoObjectGeneratedError, Output, streamText } from "ai";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { parseDesign } from "@/server/datasets/service";
import { classifyLlmError } from "@/server/llm/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ModelRef } from "@/server/llm/model-ref";
import { callSettingsFor, structuredTargetFor } from "@/server/llm/registry";
import { generateStructured, isJsonSchemaRejection } from "@/server/llm/structured";
import { getConnectionApiKey, resolveDesignModels } from "@/server/providers/service";
import { planRun, type PlannedItem } from "./plan";
import { classificationOutputSchema, classificationSystemPrompt } from "./types/classification";

export type PreviewRow = { text: string; label: string; language: string; model: string; status: "streaming" | "done" | "error"; error?: string };
export type PreviewEvent = { type: "rows"; rows: PreviewRow[] } | { type: "done"; usage: { inputTokens: number; outputTokens: number }; calls: number; rows: number } | { type: "error"; message: string };

export const PREVIEW_ROWS = 3;

function pickItems(items: PlannedItem[], count: number): PlannedItem[] {
  const picked: PlannedItem[] = [];
  const labels = new Set<string>();
  for (const item of items) {
    if (picked.length < count && !labels.has(item.payload.label)) {
      picked.push(item);
      labels.add(item.payload.label);
    }
  }
  for (const item of items) if (picked.length < count && !picked.includes(item)) picked.push(item);
  return picked;
}

export async function* streamPreview(db: PrismaClient, input: unknown, options: { timeoutMs: number; signal?: AbortSignal }): AsyncGenerator<PreviewEvent> {
  const parsed = parseDesign(input);
  const design: DatasetDesign = { ...parsed, samplesPerPrompt: 1 };
  // Reads stored connections (and their keys) but creates nothing.
  const models = await resolveDesignModels(db, design.models, { persist: false });
  const items = pickItems(planRun(design, models).items, PREVIEW_ROWS);
  const resolveKey = (ref: ModelRef) => getConnectionApiKey(db, ref.connectionId);
  const rows: PreviewRow[] = items.map((item) => ({ text: "", label: item.payload.label, language: item.payload.language, model: item.payload.model.model, status: "streaming" }));
  const usage = { inputTokens: 0, outputTokens: 0 };
  let changed = true;
  let wake: (() => void) | undefined;
  const notify = () => {
    changed = true;
    wake?.();
  };

  const tasks = items.map(async (item, index) => {
    const row = rows[index]!;
    const ref = item.payload.model;
    const abortSignal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])]);
    try {
      const target = await structuredTargetFor(ref, { resolveKey });
      let streamed = false;
      if (target.mechanism === "native") {
        try {
          const result = streamText({
            model: target.model,
            system: classificationSystemPrompt,
            prompt: item.payload.prompt,
            output: Output.object({ schema: classificationOutputSchema(1) }),
            ...callSettingsFor(ref),
            maxRetries: 1,
            abortSignal,
          });
          for await (const partial of result.partialOutputStream) {
            const text = partial?.texts?.[0];
            if (typeof text === "string" && text !== row.text) {
              row.text = text;
              notify();
            }
          }
          row.text = (await result.output).texts[0] ?? "";
          const final = await result.usage;
          usage.inputTokens += final.inputTokens ?? 0;
          usage.outputTokens += final.outputTokens ?? 0;
          streamed = true;
        } catch (error) {
          // Servers without json_schema and answers that need repair get the
          // engine's own path below (no streaming, but the same result as a run).
          if (!isJsonSchemaRejection(error) && !NoObjectGeneratedError.isInstance(error)) throw error;
          row.text = "";
        }
      }
      if (!streamed) {
        const result = await generateStructured({ ...target, schema: classificationOutputSchema(1), system: classificationSystemPrompt, prompt: item.payload.prompt, timeoutMs: options.timeoutMs, abortSignal });
        row.text = result.output.texts[0] ?? "";
        usage.inputTokens += result.usage.inputTokens;
        usage.outputTokens += result.usage.outputTokens;
      }
      row.status = "done";
    } catch (error) {
      row.status = "error";
      row.error = classifyLlmError(error, { model: item.payload.model.model, baseURL: item.payload.model.baseURL ?? item.payload.model.kind }).message;
    }
    notify();
  });
  const all = Promise.all(tasks);
  let finished = false;
  void all.then(() => {
    finished = true;
    wake?.();
  });

  while (true) {
    if (changed) {
      changed = false;
      yield { type: "rows", rows: rows.map((row) => ({ ...row })) };
    }
    if (finished && !changed) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (changed || finished) resolve();
    });
    wake = undefined;
  }
  // Calls and rows let the planner scale this measured usage to the whole run.
  yield { type: "done", usage, calls: items.length, rows: rows.filter((row) => row.status === "done").length };
}
