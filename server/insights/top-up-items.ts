// Exactly N rows for one coverage cell, from the cell's planned work items:
// spread over as many distinct prompts (and models) as possible, each item asked
// for the same number of samples, one item for the remainder. Pure.
import type { PlannedItem } from "@/server/generation/plan";

/** The most samples one item may ask for (the design schema's samplesPerPrompt bound). */
export const MAX_SAMPLES = 100;

/** `count` indices spread evenly over 0..size-1 (distinct when count ≤ size). */
function spread(count: number, size: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor((i * size) / count));
}

/** The sample counts pickTopUpItems asks plans for, given the cell's number of items. */
export function sampleCountsFor(rows: number, size: number): number[] {
  if (size === 0 || rows <= size) return [1];
  const samples = Math.ceil(rows / size);
  const remainder = rows - Math.floor(rows / samples) * samples;
  return [...new Set([1, samples, ...(remainder > 0 ? [remainder] : [])])];
}

/**
 * `planFor(samples)`: the cell's items when each asks for `samples` rows, in plan
 * order (the same items for every `samples`, only their sample count differs).
 */
export function pickTopUpItems(rows: number, planFor: (samples: number) => PlannedItem[]): PlannedItem[] {
  const single = planFor(1);
  const size = single.length;
  if (size === 0) throw new Error("The design plans no work item for this cell.");
  if (single.some((item) => item.expectedRows !== 1)) throw new Error("This dataset type makes one row per source record: it cannot be topped up by a number of rows.");
  if (rows > size * MAX_SAMPLES) throw new Error(`This cell has ${size} distinct prompts: at most ${size * MAX_SAMPLES} rows can be added at once.`);
  let picked: PlannedItem[];
  if (rows <= size) {
    picked = spread(rows, size).map((index) => single[index]!);
  } else {
    const samples = Math.ceil(rows / size);
    const full = Math.floor(rows / samples);
    const remainder = rows - full * samples;
    const indices = spread(full, size);
    const planned = planFor(samples);
    picked = indices.map((index) => planned[index]!);
    if (remainder > 0) {
      // full < size here, so some prompt is still unused.
      const taken = new Set(indices);
      const free = single.findIndex((_, index) => !taken.has(index));
      picked.push(planFor(remainder)[free]!);
    }
  }
  return picked.map((item, ordinal) => ({ ...item, ordinal }));
}
