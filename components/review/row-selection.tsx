"use client";

// Which rows the reviewer selected in the grid: some rows by id, or every row
// matching the current filter (however many are not loaded). Bulk actions and
// regeneration read `target`, the shape their procedures take (BulkTarget).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { MAX_SELECTED_IDS, type BulkTarget } from "@/lib/review/review-input";
import type { RowFilter } from "@/lib/review/row-filter";

export type RowSelectionState = { mode: "ids"; ids: ReadonlySet<string> } | { mode: "matching" };

export type RowSelection = {
  state: RowSelectionState;
  /** Selected rows: the ids' count, or every row matching the filter (null while the count is unknown). */
  count: number | null;
  /** What a bulk action or a regeneration should apply to; null when nothing is selected. */
  target: BulkTarget | null;
  isSelected(id: string): boolean;
  toggle(id: string): void;
  /** Selects (or unselects) these rows, e.g. every loaded row. */
  setMany(ids: readonly string[], selected: boolean): void;
  selectAllMatching(): void;
  clear(): void;
};

const RowSelectionContext = createContext<RowSelection | null>(null);
const NONE: RowSelectionState = { mode: "ids", ids: new Set() };

/**
 * Holds the selection of one grid view. Mount it with `key` set to the view's
 * filter (the review page does), so a new filter starts with nothing selected.
 */
export function RowSelectionProvider({ filter, total, loadedIds, children }: { filter: RowFilter; total: number | null; loadedIds: readonly string[]; children: ReactNode }) {
  const [state, setState] = useState<RowSelectionState>(NONE);

  const toggle = useCallback(
    (id: string) =>
      setState((current) => {
        // Unselecting one row of "all matching": keep the loaded rows but that one.
        const ids = new Set(current.mode === "matching" ? loadedIds : current.ids);
        if (current.mode === "matching" || ids.has(id)) ids.delete(id);
        else if (ids.size < MAX_SELECTED_IDS) ids.add(id);
        return { mode: "ids", ids };
      }),
    [loadedIds],
  );
  const setMany = useCallback(
    (ids: readonly string[], selected: boolean) =>
      setState((current) => {
        const next = new Set(current.mode === "matching" ? loadedIds : current.ids);
        for (const id of ids) {
          if (!selected) next.delete(id);
          else if (next.size < MAX_SELECTED_IDS) next.add(id);
        }
        return { mode: "ids", ids: next };
      }),
    [loadedIds],
  );

  const value = useMemo<RowSelection>(() => {
    const count = state.mode === "matching" ? total : state.ids.size;
    const target: BulkTarget | null = state.mode === "matching" ? { filter } : state.ids.size > 0 ? { ids: [...state.ids] } : null;
    return {
      state,
      count,
      target,
      isSelected: (id) => state.mode === "matching" || state.ids.has(id),
      toggle,
      setMany,
      selectAllMatching: () => setState({ mode: "matching" }),
      clear: () => setState(NONE),
    };
  }, [state, total, filter, toggle, setMany]);

  return <RowSelectionContext.Provider value={value}>{children}</RowSelectionContext.Provider>;
}

/** The grid's selection; for bulk actions and regeneration inside the review page. */
export function useRowSelection(): RowSelection {
  const selection = useContext(RowSelectionContext);
  if (!selection) throw new Error("useRowSelection must be used inside <RowSelectionProvider> (the review page provides it).");
  return selection;
}
