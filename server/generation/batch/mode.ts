// Whether a design can run in provider batch mode, checked before launch so a
// run never starts in a mode it cannot finish in.
import { kindInfo } from "@/lib/connections/schema";
import { datasetTypeNames, type DatasetTypeName } from "@/lib/designs/design-schema";
import { batchProviderKinds } from "@/lib/runs/run-mode";
import { AppError, type FieldIssue } from "@/server/errors";
import type { ModelRef } from "@/server/llm/model-ref";
import { isSingleCallType } from "../item-call";
import type { Plan } from "../plan";

const isBatchKind = (kind: string) => (batchProviderKinds as readonly string[]).includes(kind);

/** Throws an AppError naming every model (and its connection kind) or the dataset type that rules batch mode out. */
export function checkBatchMode(type: DatasetTypeName, models: ModelRef[]): void {
  if (!isSingleCallType(type)) {
    const supported = datasetTypeNames.filter(isSingleCallType).join(", ");
    throw new AppError("BAD_REQUEST", `Provider batch mode needs a dataset type whose work item is a single call (${supported}); ${type} work items make several calls. Launch it online.`, [
      { path: "mode", message: `not available for ${type} datasets` },
    ]);
  }
  const issues: FieldIssue[] = models.flatMap((ref, index) =>
    isBatchKind(ref.kind)
      ? []
      : [{ path: `models.${index}`, message: `model "${ref.model}" is on connection "${ref.connectionName ?? ref.connectionId}" of kind ${kindInfo[ref.kind].label} (${ref.kind}), which has no batch API` }],
  );
  if (issues.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `Provider batch mode needs every model on an OpenAI or Anthropic connection:\n${issues.map((issue) => `- ${issue.message}`).join("\n")}\nLaunch online, or move these models to an OpenAI or Anthropic connection.`,
      issues,
    );
  }
}

/** checkBatchMode for a planned design: its models are those of its work items, once each. */
export function checkBatchPlan(type: DatasetTypeName, plan: Plan): void {
  const models = new Map(plan.items.map((item) => [item.payload.modelIndex, item.payload.model]));
  checkBatchMode(type, [...models.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref));
}
