// A work item's payload as its dataset type's steps see it.
import { languageName } from "@/lib/designs/languages";
import type { WorkItemPayload } from "./payload";
import type { ItemInput } from "./types/engine";

export function itemInputOf(payload: WorkItemPayload): ItemInput {
  return {
    prompt: payload.prompt,
    language: payload.language,
    languageName: languageName(payload.language),
    samples: payload.samples,
    model: payload.model,
    cell: payload.cell,
    settings: payload.settings,
    roles: payload.roles,
    seed: payload.seed,
  };
}
