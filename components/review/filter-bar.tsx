"use client";

// The review page's filters: a search box and one filter per dimension of the
// contract (lib/review/row-filter.ts), offered with the values the dataset has.
import { Search, X } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RowFilter } from "@/lib/review/row-filter";
import type { RouterOutputs } from "@/lib/trpc/client";
import { isFiltered } from "@/lib/review/view-params";
import { formatDateTime } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FacetFilter, FlagFilter, type FacetOption } from "./facet-filter";

type Facets = RouterOutputs["rows"]["facets"];

/** Typing settles for this long before the search runs (and the address changes). */
const SEARCH_DELAY_MS = 300;

/** "4 ★", read out as "4 stars". */
function ratingLabel(value: string) {
  return (
    <span aria-label={`${value} ${value === "1" ? "star" : "stars"}`}>
      {value} <span aria-hidden>★</span>
    </span>
  );
}

export function FilterBar({ filter, facets, onChange }: { filter: RowFilter; facets: Facets | undefined; onChange(filter: RowFilter): void }) {
  const [q, setQ] = useState(filter.q ?? "");
  const sent = useRef(filter.q ?? "");
  // The address is the truth: a reload, the back button or "Clear filters" updates the box,
  // but the search this box just sent does not (typing may have gone on meanwhile).
  useEffect(() => {
    if ((filter.q ?? "") !== sent.current) setQ(filter.q ?? "");
    sent.current = filter.q ?? "";
  }, [filter.q]);
  const submit = useCallback(
    (value: string) => {
      sent.current = value.trim();
      onChange({ ...filter, q: value.trim() || undefined });
    },
    [filter, onChange],
  );
  useEffect(() => {
    if (q.trim() === (filter.q ?? "")) return;
    const timer = setTimeout(() => submit(q), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filter.q, submit]);

  const set = <K extends keyof RowFilter>(key: K, value: RowFilter[K]) => {
    const next = { ...filter, [key]: value };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    onChange(next);
  };
  const setVariable = (name: string, values: string[]) => {
    const variables = { ...filter.variables, [name]: values };
    if (values.length === 0) delete variables[name];
    set("variables", Object.keys(variables).length ? variables : undefined);
  };
  const runs: FacetOption[] = (facets?.runs ?? []).map((run, index) => ({ value: run.value, count: run.count, label: `Run ${index + 1} · ${formatDateTime(run.createdAt)}` }));
  const ratings: FacetOption[] = (facets?.ratings ?? []).map((rating) => ({ ...rating, label: ratingLabel(rating.value) }));

  return (
    <div className="grid gap-2" data-testid="filter-bar">
      <form
        role="search"
        className="relative"
        onSubmit={(event) => {
          event.preventDefault();
          submit(q);
        }}
      >
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Search the rows' text (words; the last one may be the start of a word)" aria-label="Search rows" data-testid="review-search" className="pl-9" maxLength={500} />
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <FacetFilter name="Status" testId="status" options={facets?.statuses ?? []} selected={filter.status ?? []} onChange={(values) => set("status", values as RowFilter["status"])} />
        <FacetFilter name="Label" testId="label" options={facets?.labels ?? []} selected={filter.labels ?? []} onChange={(values) => set("labels", values)} />
        <FacetFilter name="Language" testId="language" options={facets?.languages ?? []} selected={filter.languages ?? []} onChange={(values) => set("languages", values)} />
        <FacetFilter name="Model" testId="model" options={facets?.models ?? []} selected={filter.models ?? []} onChange={(values) => set("models", values)} />
        <FacetFilter name="Run" testId="run" options={runs} selected={filter.runIds ?? []} onChange={(values) => set("runIds", values)} />
        {Object.entries(facets?.variables ?? {}).map(([name, values]) => (
          <FacetFilter key={name} name={name} testId={`var-${name}`} options={values} selected={filter.variables?.[name] ?? []} onChange={(selected) => setVariable(name, selected)} />
        ))}
        <FacetFilter name="Reviewed by" noun="reviewer" testId="reviewer" options={facets?.reviewers ?? []} selected={filter.reviewers ?? []} onChange={(values) => set("reviewers", values)} />
        <FacetFilter
          name="Rating"
          testId="rating"
          options={ratings}
          selected={(filter.ratings ?? []).map(String)}
          onChange={(values) => set("ratings", values.map(Number).sort((a, b) => b - a))}
        />
        <FlagFilter name="Rated" testId="rated" value={filter.rated} yes="Rated" no="Not rated" onChange={(value) => set("rated", value)} />
        <FlagFilter name="Comment" testId="commented" value={filter.commented} yes="Has a comment" no="No comment" onChange={(value) => set("commented", value)} />
        <FlagFilter name="Edited" testId="edited" value={filter.edited} yes="Edited" no="Not edited" onChange={(value) => set("edited", value)} />
        <FlagFilter name="Near-duplicates" testId="duplicates" value={filter.duplicates} yes="Near-duplicates" no="Unique" onChange={(value) => set("duplicates", value)} />
        {isFiltered(filter) ? (
          <Button variant="ghost" size="sm" data-testid="clear-filters" onClick={() => onChange({})}>
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
