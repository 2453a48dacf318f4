// What the one call of a work item sends and how its validated output becomes
// rows, for dataset types whose work item is a single call (TypeEngine.single).
// Provider batches build their requests and read their answers only through
// this, so a batch request asks exactly what the online step would.
import type { z } from "zod";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { itemInputOf } from "./item-input";
import type { WorkItemPayload } from "./payload";
import type { RowDraft } from "./types/engine";
import { engineFor } from "./types";

export type ItemCall = {
  system?: string;
  prompt: string;
  schema: z.ZodType;
  toRows(output: unknown): RowDraft[];
};

/** The type declares its work item to be one call, so the item can travel in a provider batch. */
export function isSingleCallType(type: DatasetTypeName): boolean {
  return engineFor(type).single !== undefined;
}

export function itemCallFor(payload: WorkItemPayload): ItemCall {
  const single = engineFor(payload.type).single;
  if (!single) throw new Error(`Work items of type ${payload.type} make several calls; they have no single call.`);
  const input = itemInputOf(payload);
  const call = single.call(input);
  return { system: call.system, prompt: call.prompt, schema: call.schema, toRows: (output) => single.rows(output, input) };
}
