// The review page's view (filter, sort, focused row) in its URL query string, so
// a view can be shared and reloaded. Lists are repeated parameters (values may
// hold commas): ?status=pending&label=bug&label=billing&var.tone=angry&q=refund
// &reviewer=Ana&rating=5&comment=yes&sort=length&dir=desc&row=<id>. Parsing keeps every valid part and says what
// it ignored, so a hand-edited or stale link still opens.
import { z } from "zod";
import { reviewRatings, reviewStatuses, rowFilterSchema, rowSortFields, type RowFilter, type RowSort } from "./row-filter";

export type ReviewView = { filter: RowFilter; sort: RowSort; row: string | null };
export type ParsedView = ReviewView & { notices: string[] };

export const DEFAULT_SORT: RowSort = { field: "created", dir: "asc" };

type Params = { getAll(name: string): string[]; keys(): Iterable<string> };

const LIST_PARAMS = { status: "status", label: "labels", lang: "languages", model: "models", run: "runIds", reviewer: "reviewers", rating: "ratings" } as const;
const FLAG_PARAMS = { edited: "edited", dup: "duplicates", rated: "rated", comment: "commented" } as const;
const VARIABLE_PREFIX = "var.";
const KNOWN = new Set<string>([...Object.keys(LIST_PARAMS), ...Object.keys(FLAG_PARAMS), "q", "sort", "dir", "row"]);

const uuid = z.uuid();
const quote = (value: string) => `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;

function validListValue(field: (typeof LIST_PARAMS)[keyof typeof LIST_PARAMS], value: string): string | null {
  if (field === "status") return (reviewStatuses as readonly string[]).includes(value) ? null : `${quote(value)} is not a review status (${reviewStatuses.join(", ")})`;
  if (field === "runIds") return uuid.safeParse(value).success ? null : `${quote(value)} is not a run id`;
  if (field === "reviewers" && value.length > 200) return `${quote(value)} is longer than a reviewer's name can be (200 characters)`;
  if (field === "ratings") return (reviewRatings as readonly number[]).map(String).includes(value) ? null : `${quote(value)} is not a rating (${reviewRatings.join(", ")})`;
  return value.trim() === "" ? "an empty value" : null;
}

export function parseViewParams(params: Params): ParsedView {
  const notices: string[] = [];
  const filter: Record<string, unknown> = {};
  for (const [param, field] of Object.entries(LIST_PARAMS)) {
    const values: string[] = [];
    for (const value of params.getAll(param)) {
      const problem = validListValue(field, value);
      if (problem) notices.push(`Ignored ${param}: ${problem}.`);
      else if (!values.includes(value)) values.push(value);
    }
    if (values.length) filter[field] = field === "ratings" ? values.map(Number) : values;
  }
  const variables: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    if (key.startsWith(VARIABLE_PREFIX) && key.length > VARIABLE_PREFIX.length) {
      const values = [...new Set(params.getAll(key))];
      if (values.length) variables[key.slice(VARIABLE_PREFIX.length)] = values;
    } else if (!KNOWN.has(key)) {
      notices.push(`Ignored the unknown parameter ${quote(key)}.`);
    }
  }
  if (Object.keys(variables).length) filter.variables = variables;
  for (const [param, field] of Object.entries(FLAG_PARAMS)) {
    const value = params.getAll(param).at(-1);
    if (value === undefined) continue;
    if (value === "yes" || value === "no") filter[field] = value === "yes";
    else notices.push(`Ignored ${param}: ${quote(value)} is neither yes nor no.`);
  }
  const q = params.getAll("q").at(-1)?.trim();
  if (q) {
    if (q.length > 500) notices.push("Ignored the search: it is longer than 500 characters.");
    else filter.q = q;
  }
  // Each part was checked on its own above; this parse is the contract's last word.
  const parsedFilter = rowFilterSchema.safeParse(filter);
  if (!parsedFilter.success) notices.push("Ignored the filters in the address: they do not form a valid filter.");

  let sort = DEFAULT_SORT;
  const sortField = params.getAll("sort").at(-1);
  const dir = params.getAll("dir").at(-1);
  if (sortField !== undefined && !(rowSortFields as readonly string[]).includes(sortField)) notices.push(`Ignored sort: ${quote(sortField)} is not a column to sort by.`);
  else if (dir !== undefined && dir !== "asc" && dir !== "desc") notices.push(`Ignored dir: ${quote(dir)} is neither asc nor desc.`);
  else sort = { field: (sortField ?? DEFAULT_SORT.field) as RowSort["field"], dir: (dir ?? DEFAULT_SORT.dir) as RowSort["dir"] };

  let row: string | null = params.getAll("row").at(-1) ?? null;
  if (row !== null && !uuid.safeParse(row).success) {
    notices.push(`Ignored row: ${quote(row)} is not a row id.`);
    row = null;
  }
  return { filter: parsedFilter.success ? parsedFilter.data : {}, sort, row, notices };
}

/** The query string of a view, in a stable order, leaving out what is default. */
export function viewToParams(view: ReviewView): URLSearchParams {
  const params = new URLSearchParams();
  const { filter } = view;
  for (const [param, field] of Object.entries(LIST_PARAMS)) for (const value of filter[field] ?? []) params.append(param, String(value));
  for (const [name, values] of Object.entries(filter.variables ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    for (const value of values) params.append(`${VARIABLE_PREFIX}${name}`, value);
  }
  for (const [param, field] of Object.entries(FLAG_PARAMS)) {
    if (filter[field] !== undefined) params.set(param, filter[field] ? "yes" : "no");
  }
  if (filter.q?.trim()) params.set("q", filter.q.trim());
  if (view.sort.field !== DEFAULT_SORT.field || view.sort.dir !== DEFAULT_SORT.dir) {
    params.set("sort", view.sort.field);
    params.set("dir", view.sort.dir);
  }
  if (view.row) params.set("row", view.row);
  return params;
}

/** Whether a filter narrows anything (an empty list or blank search does not). */
export function isFiltered(filter: RowFilter): boolean {
  return viewToParams({ filter, sort: DEFAULT_SORT, row: null }).size > 0;
}
