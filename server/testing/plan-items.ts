// Plans a design without a database (inline sources only), for unit tests of the types.
import { datasetDesignSchema, type DatasetDesignInput } from "@/lib/designs/design-schema";
import { planRun } from "@/server/generation/plan";
import { itemInputOf } from "@/server/generation/item-input";
import type { ItemInput } from "@/server/generation/types/engine";
import { toModelRef } from "@/server/providers/service";
import { selectDocuments } from "@/server/sources/select";

export function planInline(input: DatasetDesignInput) {
  const design = datasetDesignSchema.parse(input);
  const source = "source" in design ? design.source : undefined;
  const documents = source?.records ? selectDocuments(source.records.map((record, ordinal) => ({ ordinal, record })), source).documents : undefined;
  const roles = design.type === "preference" && design.rejectedModel ? { rejected: toModelRef(design.rejectedModel) } : {};
  return planRun(design, { models: design.models.map((model) => toModelRef(model)), roles, documents });
}

export function firstItemInput(input: DatasetDesignInput, overrides: Partial<ItemInput> = {}): ItemInput {
  return { ...itemInputOf(planInline(input).items[0]!.payload), ...overrides };
}
