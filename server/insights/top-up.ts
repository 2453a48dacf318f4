// Topping up a thin coverage cell: a new run (kind "top_up") of the dataset's
// design restricted to that cell (that variable value, that label or topic, that
// language, the same templates), asking exactly N rows, through the normal engine.
import { randomInt } from "node:crypto";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { coverageAxes, itemInCell, restrictDesign, topUpProblem, type TopUpCell } from "@/lib/insights/coverage";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { AppError } from "@/server/errors";
import { designFingerprint, getDataset, parseDesign } from "@/server/datasets/service";
import { upsertSnapshot } from "@/server/datasets/queries";
import { estimateRun } from "@/server/generation/estimate";
import type { PlannedItem } from "@/server/generation/plan";
import { prepareDesign } from "@/server/generation/prepare";
import { createRunWithItems } from "@/server/generation/queries";
import type { WorkQueue } from "@/server/jobs/queue";
import { resolvePrice } from "@/server/llm/pricing/service";
import { pickTopUpItems, sampleCountsFor } from "./top-up-items";

export type TopUpInput = { cell: TopUpCell; rows: number; seed?: number };

/** The restricted design and exactly the items the run would have. */
export async function planTopUp(db: PrismaClient, design: DatasetDesign, input: TopUpInput) {
  if (design.type === "transform") throw new AppError("BAD_REQUEST", "A transform makes one row per source row; add rows to its source instead of topping up.");
  const axes = coverageAxes(design);
  const problem = topUpProblem(axes, input.cell);
  if (problem) throw new AppError("BAD_REQUEST", `This cell cannot be topped up: ${problem}.`);
  const restricted = parseDesign(restrictDesign(design, input.cell, input.seed ?? 0));
  const plans = new Map<number, PlannedItem[]>();
  const planCell = async (samples: number) => {
    const { plan } = await prepareDesign(db, { ...restricted, samplesPerPrompt: samples } as DatasetDesign, { freezePrices: true });
    plans.set(samples, plan.items.filter((item) => itemInCell(axes, input.cell, item.payload.cell)));
  };
  await planCell(1);
  for (const samples of sampleCountsFor(input.rows, plans.get(1)!.length)) if (!plans.has(samples)) await planCell(samples);
  try {
    return { design: restricted, items: pickTopUpItems(input.rows, (samples) => plans.get(samples)!) };
  } catch (error) {
    throw new AppError("BAD_REQUEST", (error as Error).message);
  }
}

export async function topUpCell(db: PrismaClient, queue: WorkQueue, datasetId: string, input: TopUpInput) {
  const dataset = await getDataset(db, datasetId);
  const design = parseDesign(dataset.design);
  const { design: restricted, items } = await planTopUp(db, design, { ...input, seed: input.seed ?? randomInt(0, 2 ** 31) });
  const snapshot = await upsertSnapshot(db, { datasetId, version: dataset.version, design: restricted as unknown as Prisma.InputJsonValue, fingerprint: designFingerprint(restricted) });
  const plannedRows = items.reduce((sum, item) => sum + item.expectedRows, 0);
  const estimate = await estimateRun({ items, plannedRows, factors: {}, capped: false, uncappedPrompts: items.length }, (model, override) => resolvePrice(db, model, override));
  const { runId, itemIds } = await createRunWithItems(db, {
    datasetId, snapshotId: snapshot.id, plannedRows, items, estimatedCostUsd: estimate.costUsd,
    purpose: { kind: "top_up", topUpCell: input.cell as unknown as Prisma.InputJsonValue },
  });
  await queue.enqueue(itemIds);
  return { runId, datasetId, plannedRows };
}
