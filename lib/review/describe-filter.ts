// A filter in words, for confirmations ("Reject 1,234 rows matching 'label = bug,
// q = refund'?") and the review history. Plain text: the UI renders it as text.
import type { RowFilter } from "./row-filter";

const list = (values: readonly string[]) => values.join(" or ");

export function describeFilter(filter: RowFilter): string {
  const parts: string[] = [];
  if (filter.status?.length) parts.push(`status = ${list(filter.status)}`);
  if (filter.labels?.length) parts.push(`label = ${list(filter.labels)}`);
  if (filter.languages?.length) parts.push(`language = ${list(filter.languages)}`);
  if (filter.models?.length) parts.push(`model = ${list(filter.models)}`);
  // Run ids are long; their first block is what the runs list shows too.
  if (filter.runIds?.length) parts.push(`run = ${list(filter.runIds.map((id) => id.slice(0, 8)))}`);
  for (const [name, values] of Object.entries(filter.variables ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (values.length) parts.push(`${name} = ${list(values)}`);
  }
  if (filter.reviewers?.length) parts.push(`reviewed by ${list(filter.reviewers)}`);
  if (filter.ratings?.length) parts.push(`rating = ${list(filter.ratings.map(String))}`);
  if (filter.rated !== undefined) parts.push(filter.rated ? "rated" : "not rated");
  if (filter.commented !== undefined) parts.push(filter.commented ? "with a comment" : "without a comment");
  if (filter.edited !== undefined) parts.push(filter.edited ? "edited" : "not edited");
  if (filter.duplicates !== undefined) parts.push(filter.duplicates ? "near-duplicates" : "not near-duplicates");
  if (filter.q?.trim()) parts.push(`q = ${filter.q.trim()}`);
  return parts.join(", ");
}

/** "1,234 rows matching 'label = bug'" or "all 1,234 rows" when the filter is empty. */
export function describeTarget(count: number, filter: RowFilter | null, formatCount: (value: number) => string): string {
  const rows = `${formatCount(count)} ${count === 1 ? "row" : "rows"}`;
  if (!filter) return `${rows} selected`;
  const described = describeFilter(filter);
  return described ? `${rows} matching '${described}'` : `all ${rows}`;
}
