// Preview: a few rows generated live from an unsaved design, streamed as they
// are written. Nothing is stored. Each preview row comes from a different work
// item (distinct labels first) so the user sees the design's variety.
import { Output, streamText } from "ai";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { parseDesign } from "@/server/datasets/service";
import { classifyLlmError } from "@/server/llm/errors";
import { callSettingsFor, languageModelFor } from "@/server/llm/registry";
import { toModelRef } from "@/server/providers/service";
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

export async function* streamPreview(input: unknown, options: { timeoutMs: number; signal?: AbortSignal }): AsyncGenerator<PreviewEvent> {
  const parsed = parseDesign(input);
  const design: DatasetDesign = { ...parsed, samplesPerPrompt: 1 };
  const items = pickItems(planRun(design, design.models.map((model) => toModelRef(model))).items, PREVIEW_ROWS);
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
    try {
      const ref = item.payload.model;
      const result = streamText({
        model: await languageModelFor(ref),
        system: classificationSystemPrompt,
        prompt: item.payload.prompt,
        output: Output.object({ schema: classificationOutputSchema(1) }),
        ...callSettingsFor(ref),
        maxRetries: 1,
        abortSignal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])]),
      });
      for await (const partial of result.partialOutputStream) {
        const text = partial?.texts?.[0];
        if (typeof text === "string" && text !== row.text) {
          row.text = text;
          notify();
        }
      }
      const output = await result.output;
      row.text = output.texts[0] ?? "";
      row.status = "done";
      const final = await result.usage;
      usage.inputTokens += final.inputTokens ?? 0;
      usage.outputTokens += final.outputTokens ?? 0;
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
