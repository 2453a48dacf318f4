import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/canonical-json";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { formatIssues } from "@/lib/designs/format-issues";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { AppError } from "@/server/errors";
import { estimateRun, type UsageSample } from "@/server/generation/estimate";
import { prepareDesign } from "@/server/generation/prepare";
import { resolvePrice } from "@/server/llm/pricing/service";
import { findDataset, insertDataset, listDatasetsWithCounts, updateDatasetDesign } from "./queries";

/** Parses a design or throws one AppError listing every problem with its field. */
export function parseDesign(input: unknown): DatasetDesign {
  const parsed = datasetDesignSchema.safeParse(input);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new AppError("BAD_REQUEST", `The design has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${issues.map((i) => `- ${i.path}: ${i.message}`).join("\n")}`, issues);
  }
  return parsed.data;
}

export function designFingerprint(design: DatasetDesign): string {
  return createHash("sha256").update(canonicalJson(design)).digest("hex");
}

export async function createDataset(db: PrismaClient, input: unknown) {
  const design = parseDesign(input);
  return insertDataset(db, { name: design.name, type: design.type, description: design.description, design: design as unknown as Prisma.InputJsonValue });
}

export async function getDataset(db: PrismaClient, id: string) {
  const dataset = await findDataset(db, id);
  if (!dataset) throw new AppError("NOT_FOUND", `Dataset ${id} does not exist.`);
  return dataset;
}

export async function updateDesign(db: PrismaClient, id: string, input: unknown) {
  await getDataset(db, id);
  const design = parseDesign(input);
  return updateDatasetDesign(db, id, { name: design.name, design: design as unknown as Prisma.InputJsonValue });
}

export function listDatasets(db: PrismaClient) {
  return listDatasetsWithCounts(db).then((datasets) =>
    datasets.map(({ _count, ...dataset }) => ({ ...dataset, rowCount: _count.rows, runCount: _count.runs })),
  );
}

/** Planned counts and the cost estimate for a design that may not be saved yet. */
export async function summarizePlan(db: PrismaClient, input: unknown, sample?: UsageSample) {
  const design = parseDesign(input);
  const { plan, source } = await prepareDesign(db, design, { persist: false });
  const estimate = await estimateRun(plan, (model, override) => resolvePrice(db, model, override), sample);
  return { plannedItems: plan.items.length, plannedRows: plan.plannedRows, factors: plan.factors, capped: plan.capped, uncappedPrompts: plan.uncappedPrompts, estimate,
    source: source && { name: source.name, documents: source.documents.length, skipped: source.skipped } };
}
