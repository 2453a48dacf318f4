// What a dataset type is to the engine: the cells it multiplies prompts by, and
// the steps (structured LLM calls) that turn one work item into rows. Types are
// compositions of these steps; they never touch the database, the limiter or a
// provider: `steps.call` does (the worker's is rate-limited and retried, the
// preview's is direct, a unit test's is an `ai/test` mock model).
import type { z } from "zod";
import type { DatasetTypeName, DesignOfType } from "@/lib/designs/design-schema";
import type { SourceDocument } from "@/lib/sources/source-ref";
import type { TemplateValues } from "@/lib/prompts";
import type { ModelRef } from "@/server/llm/model-ref";

export const SYSTEM_PROMPT = "You generate synthetic training data. Follow the user's instructions exactly and answer only with the requested JSON.";

export type StepCall<S extends z.ZodType> = {
  /** Short name shown in attempts and lineage ("questions", "answer", "judge"). */
  step: string;
  prompt: string;
  system?: string;
  schema: S;
  /** Another model than the item's (the rejected responses, the judge). */
  model?: ModelRef;
};

export type StepResult<T> = { output: T; reasoningText?: string };

export type Steps = { call<S extends z.ZodType>(call: StepCall<S>): Promise<StepResult<z.infer<S>>> };

/** One row as a type makes it: its exported fields, its searchable text, its labels. */
export type RowDraft = { data: Record<string, unknown>; text: string; labels: string[] };

/** One value of the factors a type multiplies prompts by (a label, a topic × persona, a document). */
export type Cell = {
  /** Built-in variable values this cell gives the template. */
  values: TemplateValues;
  /** What the item's steps need about the cell (stored in the payload, part of the key). */
  data: Record<string, unknown>;
};

/** What a work item gives its type's steps. */
export type ItemInput = {
  prompt: string;
  language: string;
  languageName: string;
  samples: number;
  model: ModelRef;
  cell: Record<string, unknown>;
  settings: Record<string, unknown>;
  roles: { rejected?: ModelRef; judge?: ModelRef };
  /** Derived from the item's key: seeds the item's own randomness (conversation turns, evolution). */
  seed: number;
};

export type PlanContext = { documents?: SourceDocument[] };

export type TypeEngine<T extends DatasetTypeName = DatasetTypeName> = {
  type: T;
  /** The factors, in the order the planner multiplies them, with their sizes for the breakdown. */
  cells(design: DesignOfType<T>, context: PlanContext): { cells: Cell[]; factors: Record<string, number> };
  /** Per-design constants every item's steps need. */
  settings(design: DesignOfType<T>): Record<string, unknown>;
  /** Rows one item makes when it succeeds. */
  rowsPerItem(design: DesignOfType<T>): number;
  /** LLM calls one item makes, on average (for the estimate). */
  callsPerItem(input: Pick<ItemInput, "samples" | "settings" | "roles">): number;
  run(input: ItemInput, steps: Steps): Promise<RowDraft[]>;
  /**
   * Types whose item is one call: what that call is and how its output becomes
   * rows, so a provider batch can carry it.
   */
  single?: {
    call(input: ItemInput): StepCall<z.ZodType>;
    rows(output: unknown, input: ItemInput): RowDraft[];
  };
};

/** Runs a single-call type's one step. */
export async function runSingle(engine: Required<Pick<TypeEngine, "single">>, input: ItemInput, steps: Steps): Promise<RowDraft[]> {
  const result = await steps.call(engine.single.call(input));
  return engine.single.rows(result.output, input);
}

/** Runs `work` over the items with at most `limit` at once, keeping order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}
