"use client";

import { formatCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import { SelectionActionsSlot } from "./review-slots";
import { useRowSelection } from "./row-selection";

/** How many rows are selected, "select all matching", and the actions on them. */
export function SelectionBar({ total }: { total: number | null }) {
  const selection = useRowSelection();
  if (!selection.target) return null;
  const all = selection.state.mode === "matching";
  return (
    <div role="status" data-testid="selection-bar" className="flex flex-wrap items-center gap-3 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm">
      <span data-testid="selection-count" className="font-medium tabular-nums">
        {all ? `All ${total === null ? "" : `${formatCount(total)} `}rows matching the filters are selected` : `${formatCount(selection.count ?? 0)} selected`}
      </span>
      {!all && total !== null && (selection.count ?? 0) < total ? (
        <Button variant="link" size="sm" className="h-auto p-0" data-testid="select-all-matching" onClick={selection.selectAllMatching}>
          Select all {formatCount(total)} matching rows
        </Button>
      ) : null}
      <Button variant="link" size="sm" className="h-auto p-0 text-muted-foreground" data-testid="clear-selection" onClick={selection.clear}>
        Clear selection
      </Button>
      <div className="ml-auto flex items-center gap-2">
        <SelectionActionsSlot />
      </div>
    </div>
  );
}
