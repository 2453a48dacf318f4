// Preview: a few rows generated live from an unsaved design, streamed as their
// items finish. Nothing is stored. Each preview row comes from a different cell
// (label, topic, document…) first, so the user sees the design's variety; every
// item asks for one sample and runs its type's full steps.
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { designFingerprint, parseDesign } from "@/server/datasets/service";
import type { Prisma } from "@/server/generated/prisma/client";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { classifyLlmError, LlmError } from "@/server/llm/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { costOf, resolvePrice } from "@/server/llm/pricing/service";
import { structuredTargetFor } from "@/server/llm/registry";
import { generateStructured } from "@/server/llm/structured";
import { getConnectionApiKey } from "@/server/providers/service";
import type { PreviewEvent, PreviewRow } from "@/lib/previews/preview-row";
import { itemInputOf } from "./item-input";
import type { PlannedItem } from "./plan";
import { prepareDesign } from "./prepare";
import { insertPreview, insertPreviewRow } from "./preview-queries";
import { engineFor } from "./types";
import type { Steps } from "./types/engine";

export type { PreviewEvent, PreviewRow };

export const PREVIEW_ROWS = 3;

function pickItems(items: PlannedItem[], count: number): PlannedItem[] {
  const picked: PlannedItem[] = [];
  const cells = new Set<string>();
  for (const item of items) {
    const cell = JSON.stringify(item.payload.cell);
    if (picked.length < count && !cells.has(cell)) {
      picked.push(item);
      cells.add(cell);
    }
  }
  for (const item of items) if (picked.length < count && !picked.includes(item)) picked.push(item);
  return picked;
}

/** Cell values worth showing next to the prompt: short strings only (a document is in the prompt already). */
function shownVariables(item: PlannedItem): Record<string, string> {
  const cell = Object.entries(item.payload.cell).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].length <= 200);
  return { ...Object.fromEntries(cell), ...item.payload.variables };
}

/** Steps straight to the provider: no limiter, no retries beyond the repair; usage counted on the row. */
function directSteps(db: PrismaClient, row: PreviewRow, item: PlannedItem, options: { timeoutMs: number; signal: AbortSignal; notify(): void }): Steps {
  const resolveKey = (ref: ModelRef) => getConnectionApiKey(db, ref.connectionId);
  return {
    async call(step) {
      const ref = step.model ?? item.payload.model;
      row.step = step.step;
      options.notify();
      const result = await generateStructured({ ...(await structuredTargetFor(ref, { resolveKey })), schema: step.schema, system: step.system, prompt: step.prompt, timeoutMs: ref.timeoutMs ?? options.timeoutMs, abortSignal: options.signal });
      row.calls += result.calls;
      row.inputTokens += result.usage.inputTokens;
      row.outputTokens += result.usage.outputTokens;
      const price = await resolvePrice(db, ref.model, ref.pricing);
      row.costUsd = price ? (row.costUsd ?? 0) + costOf(result.usage, price) : row.costUsd;
      row.reasoningTokens += result.usage.reasoningTokens;
      row.latencyMs += result.latencyMs;
      return { output: result.output, ...(result.reasoningText ? { reasoningText: result.reasoningText } : {}) };
    },
  };
}

export async function* streamPreview(db: PrismaClient, input: unknown, options: { timeoutMs: number; signal?: AbortSignal; count?: number }): AsyncGenerator<PreviewEvent> {
  const parsed = parseDesign(input);
  const design = { ...parsed, samplesPerPrompt: 1 } as DatasetDesign;
  // Reads stored connections (and their keys) but creates none.
  const { plan } = await prepareDesign(db, design, { persist: false, signal: options.signal });
  const items = pickItems(plan.items, options.count ?? PREVIEW_ROWS);
  const rows: PreviewRow[] = items.map((item) => ({
    prompt: item.payload.prompt, variables: shownVariables(item), language: item.payload.language, model: item.payload.model.model,
    status: "generating", calls: 0, inputTokens: 0, outputTokens: 0, reasoningTokens: 0, latencyMs: 0, costUsd: null,
  }));
  // Stored apart from runs, so its rows can be kept (promoted into the saved dataset) or discarded.
  const previewId = await insertPreview(db, { design: parsed as unknown as Prisma.InputJsonValue, fingerprint: designFingerprint(parsed) });
  let changed = true;
  let wake: (() => void) | undefined;
  const notify = () => {
    changed = true;
    wake?.();
  };

  const tasks = items.map(async (item, index) => {
    const row = rows[index]!;
    const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs * 4), ...(options.signal ? [options.signal] : [])]);
    try {
      const drafts = await engineFor(item.payload.type).run(itemInputOf(item.payload), directSteps(db, row, item, { timeoutMs: options.timeoutMs, signal, notify }));
      await insertPreviewRow(db, previewId, {
        ordinal: index, item, rows: drafts, inputTokens: row.inputTokens, outputTokens: row.outputTokens, reasoningTokens: row.reasoningTokens, costUsd: row.costUsd ?? 0, latencyMs: row.latencyMs,
      });
      row.data = drafts[0]?.data;
      row.status = "done";
    } catch (error) {
      row.status = "error";
      const where = { model: item.payload.model.model, baseURL: item.payload.model.baseURL ?? item.payload.model.kind };
      row.error = (error instanceof LlmError ? error : classifyLlmError(error, where)).message;
    }
    row.step = undefined;
    notify();
  });
  const all = Promise.all(tasks);
  let finished = false;
  void all.then(() => {
    finished = true;
    wake?.();
  });

  yield { type: "preview", previewId };
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
  const done = rows.filter((row) => row.status === "done");
  yield {
    type: "done",
    previewId,
    usage: { inputTokens: done.reduce((sum, row) => sum + row.inputTokens, 0), outputTokens: done.reduce((sum, row) => sum + row.outputTokens, 0) },
    calls: done.reduce((sum, row) => sum + row.calls, 0),
    rows: done.length,
  };
}
