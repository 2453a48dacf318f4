// A seeded random sample of a Hub split without downloading it: the split is cut
// into equal slots, a seeded draw picks which slots to read, and adjacent picked
// slots are read together in non-overlapping /rows windows of at most 100 rows.
// Small slots (about a tenth of the sample) spread the sample over the split, so
// a sorted dataset does not yield one contiguous run; the same seed, split size
// and sample size always read the same rows.
import { mulberry32, sampleDistinct } from "@/lib/prompts/random";
import type { HubSample, SourceRecord } from "@/lib/sources/source-ref";
import { AppError } from "@/server/errors";
import { columnsOf, flattenRecord } from "../flatten";
import { fetchRows, fetchSplitSize, fetchSplits, MAX_ROWS_PER_REQUEST, type HubClientOptions, type HubSplit } from "./client";

export type SampleWindow = { offset: number; length: number };
export type SamplePlan = { wanted: number; slotSize: number; slots: number[]; windows: SampleWindow[] };

const CONCURRENCY = 4;

/** Pure: which rows to read. `slots` is in draw order (the order rows are taken in). */
export function planSample(totalRows: number, sample: number, seed: number): SamplePlan {
  const wanted = Math.min(sample, totalRows);
  if (wanted === 0) return { wanted, slotSize: 1, slots: [], windows: [] };
  const whole = wanted === totalRows;
  const slotSize = whole ? MAX_ROWS_PER_REQUEST : Math.min(MAX_ROWS_PER_REQUEST, Math.max(1, Math.ceil(wanted / 10)));
  const slotCount = Math.ceil(totalRows / slotSize);
  // One slot more than needed, since the last slot of the split may be short.
  const picked = whole ? slotCount : Math.min(slotCount, Math.ceil(wanted / slotSize) + 1);
  const slots = whole ? Array.from({ length: slotCount }, (_, i) => i) : sampleDistinct(mulberry32(seed), slotCount, picked);
  const windows: SampleWindow[] = [];
  for (const slot of [...slots].sort((a, b) => a - b)) {
    const offset = slot * slotSize;
    const length = Math.min(slotSize, totalRows - offset);
    const last = windows.at(-1);
    if (last && last.offset + last.length === offset && last.length + length <= MAX_ROWS_PER_REQUEST) last.length += length;
    else windows.push({ offset, length });
  }
  return { wanted, slotSize, slots, windows };
}

/** Pure: the sample's row indices from what was fetched, taken slot by slot in draw order, then sorted. */
export function takeSample(plan: SamplePlan, fetched: ReadonlySet<number>): number[] {
  const taken: number[] = [];
  for (const slot of plan.slots) {
    for (let index = slot * plan.slotSize; index < (slot + 1) * plan.slotSize && taken.length < plan.wanted; index++) {
      if (fetched.has(index)) taken.push(index);
    }
    if (taken.length >= plan.wanted) break;
  }
  return taken.sort((a, b) => a - b);
}

function chooseSplit(dataset: string, splits: HubSplit[], spec: Pick<HubSample, "config" | "split">): { config: string; split: string } {
  if (splits.length === 0) throw new AppError("BAD_REQUEST", `The dataset viewer lists no splits for "${dataset}" (it may still be processing the dataset, or cannot read its format).`);
  const configs = [...new Set(splits.map((entry) => entry.config))];
  const config = spec.config ?? configs[0]!;
  if (!configs.includes(config)) throw new AppError("BAD_REQUEST", `The Hub dataset "${dataset}" has no config "${config}". Its configs are: ${configs.map((name) => `"${name}"`).join(", ")}.`);
  const names = splits.filter((entry) => entry.config === config).map((entry) => entry.split);
  const split = spec.split ?? (names.includes("train") ? "train" : names[0]!);
  if (!names.includes(split)) throw new AppError("BAD_REQUEST", `The config "${config}" of "${dataset}" has no split "${split}". Its splits are: ${names.map((name) => `"${name}"`).join(", ")}.`);
  return { config, split };
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(workers);
}

export type DrawnSample = {
  dataset: string;
  config: string;
  split: string;
  totalRows: number;
  columns: string[];
  /** In row order; `rowIndex` is the row's index in the split. */
  rows: { rowIndex: number; record: SourceRecord }[];
  requests: number;
};

export async function drawHubSample(options: HubClientOptions, spec: HubSample): Promise<DrawnSample> {
  const { dataset } = spec;
  const { config, split } = chooseSplit(dataset, await fetchSplits(options, dataset), spec);
  const target = { dataset, config, split };
  let requests = 2;
  let totalRows = await fetchSplitSize(options, dataset, config, split);
  if (totalRows === undefined) {
    requests++;
    totalRows = (await fetchRows(options, target, 0, 1)).num_rows_total ?? 0;
  }
  const plan = planSample(totalRows, spec.sample, spec.seed);
  const fetched = new Map<number, Record<string, unknown>>();
  const featureNames: string[] = [];
  await forEachLimited(plan.windows, CONCURRENCY, async (window) => {
    const page = await fetchRows(options, target, window.offset, window.length);
    requests++;
    if (featureNames.length === 0) featureNames.push(...page.features.map((feature) => feature.name));
    // Deduplicate by row index: a server may repeat rows across pages.
    for (const row of page.rows) if (!fetched.has(row.row_idx)) fetched.set(row.row_idx, row.row);
  });
  const rows = takeSample(plan, new Set(fetched.keys())).map((rowIndex) => ({ rowIndex, record: flattenRecord(fetched.get(rowIndex)!) }));
  if (rows.length === 0) throw new AppError("BAD_REQUEST", `The split "${split}" of "${dataset}" (config "${config}") has no rows to sample.`);
  const columns = [...new Set([...featureNames, ...columnsOf(rows.map((row) => row.record))])];
  return { dataset, config, split, totalRows, columns, rows, requests };
}
