// "Knowing what you have": review progress, distributions and spend, and the
// coverage matrix of a dataset. Distributions reuse the review grid's facets
// (one cached set of scans per dataset); the rest is queried here.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { coverageAxes, coverageMatrix, type CoverageOptions } from "@/lib/insights/coverage";
import { datasetDesignSchema } from "@/lib/designs/design-schema";
import { getDataset } from "@/server/datasets/service";
import { getRowFacets } from "@/server/review/service";
import { findCoverageCounts, findLengthHistogram, findSpendByModel } from "./stats-queries";

const HISTOGRAM_BUCKETS = 20;

export type ReviewProgress = { total: number; reviewed: number; accepted: number; rejected: number; pending: number };

export async function getReviewProgress(db: PrismaClient, datasetId: string): Promise<ReviewProgress> {
  const facets = await getRowFacets(db, datasetId);
  const count = (status: string) => facets.statuses.find((entry) => entry.value === status)?.count ?? 0;
  const accepted = count("accepted");
  const rejected = count("rejected");
  return { total: facets.total, reviewed: accepted + rejected, accepted, rejected, pending: facets.total - accepted - rejected };
}

export async function getDatasetStats(db: PrismaClient, datasetId: string) {
  const [facets, lengths, spend] = await Promise.all([getRowFacets(db, datasetId), findLengthHistogram(db, datasetId, HISTOGRAM_BUCKETS), findSpendByModel(db, datasetId)]);
  return { labels: facets.labels, languages: facets.languages, models: facets.models, lengths, spend };
}

/** The dimensions the dataset's design offers the matrix (variables, categories, languages). */
async function axesOf(db: PrismaClient, datasetId: string) {
  const dataset = await getDataset(db, datasetId);
  const design = datasetDesignSchema.safeParse(dataset.design);
  if (!design.success) return { type: dataset.type, axes: { variables: {}, categories: [], languages: [] } };
  return { type: dataset.type, axes: coverageAxes(design.data) };
}

export async function getCoverage(db: PrismaClient, datasetId: string, options: Partial<CoverageOptions>) {
  const { type, axes } = await axesOf(db, datasetId);
  const variable = options.variable !== undefined ? options.variable : (Object.keys(axes.variables)[0] ?? null);
  const category = options.category !== undefined ? options.category : (axes.categories[0]?.field ?? null);
  const counts = await findCoverageCounts(db, datasetId, { variable, category });
  const matrix = coverageMatrix(axes, counts, { variable, category, threshold: options.threshold ?? 5, measure: options.measure ?? "rows" });
  return {
    ...matrix,
    topUp: type !== "transform",
    variables: Object.keys(axes.variables),
    categories: axes.categories.map((axis) => ({ field: axis.field, title: axis.title })),
  };
}
