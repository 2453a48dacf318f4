"use client";

// Where the focus-view feature plugs into the review page: the focused row
// (components/review/focus) and the actions on the selected rows (components/review/bulk).
import { useParams } from "next/navigation";
import type { RowFilter, RowSort } from "@/lib/review/row-filter";
import { BulkActions } from "./bulk/bulk-actions";
import { FocusView } from "./focus/focus-view";
import { RegenerateButton } from "./insights/regenerate-dialog";
import { useRowSelection } from "./row-selection";

export type FocusSlotProps = {
  datasetId: string;
  filter: RowFilter;
  sort: RowSort;
  rowId: string;
  /** Another row (next / previous in the grid's order), or null to close the focus view. */
  onNavigate(rowId: string | null): void;
};

export function FocusSlot(props: FocusSlotProps) {
  return <FocusView {...props} />;
}

export function SelectionActionsSlot() {
  const selection = useRowSelection();
  const { datasetId } = useParams<{ datasetId: string }>();
  if (!selection.target) return null;
  return (
    <>
      <BulkActions datasetId={datasetId} target={selection.target} />
      <RegenerateButton datasetId={datasetId} target={selection.target} size="sm" />
    </>
  );
}
