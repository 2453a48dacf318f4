"use client";

// The review grid: a virtualized table (TanStack Table for the columns,
// TanStack Virtual so only the visible rows exist in the DOM) over rows loaded
// page by page with keyset cursors as the reviewer scrolls. Sorting is done by
// the server; a click on a row opens it in the focus view.
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { ArrowDown, ArrowUp, ArrowUpDown, Loader2 } from "lucide-react";
import { useEffect, useMemo, useRef } from "react";
import type { RowSort } from "@/lib/review/row-filter";
import { cn } from "@/components/ui/cn";
import type { GridColumn, GridRow } from "./grid-columns";
import { useRowSelection } from "./row-selection";

const ROW_HEIGHT = 60;
/** Ask for the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 20;

type Props = {
  rows: GridRow[];
  columns: GridColumn[];
  sort: RowSort;
  onSortChange(sort: RowSort): void;
  activeRowId: string | null;
  onOpenRow(rowId: string): void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  className?: string;
};

export function RowsGrid({ rows, columns, sort, onSortChange, activeRowId, onOpenRow, hasMore, loadingMore, onLoadMore, className }: Props) {
  const selection = useRowSelection();
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id, manualSorting: true });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length + (hasMore ? 1 : 0), getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const template = useMemo(() => ["2.75rem", ...columns.map((column) => column.meta.width)].join(" "), [columns]);

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  // Keep the focused row in view when the focus view moves to another one (not when more rows load:
  // that would pull the reviewer back while scrolling).
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  useEffect(() => {
    if (!activeRowId) return;
    const index = rowsRef.current.findIndex((row) => row.id === activeRowId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [activeRowId, virtualizer]);

  const allLoadedSelected = rows.length > 0 && (selection.state.mode === "matching" || rows.every((row) => selection.isSelected(row.id)));
  const someSelected = selection.count !== 0 && selection.target !== null;

  const toggleSort = (field: RowSort["field"]) => onSortChange(sort.field === field ? { field, dir: sort.dir === "asc" ? "desc" : "asc" } : { field, dir: "asc" });

  return (
    <div role="grid" aria-rowcount={rows.length} data-testid="rows-grid" className={cn("overflow-hidden rounded-lg border bg-card", className)}>
      <div ref={scrollRef} className="h-full overflow-auto" data-testid="rows-grid-scroll">
        <div role="row" className="sticky top-0 z-10 grid min-w-fit border-b bg-muted/80 text-xs font-medium text-muted-foreground backdrop-blur" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className="flex items-center justify-center px-2 py-2">
            <input
              type="checkbox"
              aria-label={allLoadedSelected ? "Unselect all rows" : "Select all loaded rows"}
              data-testid="select-all-loaded"
              className="size-4 accent-primary"
              checked={allLoadedSelected}
              ref={(input) => {
                if (input) input.indeterminate = someSelected && !allLoadedSelected;
              }}
              onChange={() => (allLoadedSelected ? selection.clear() : selection.setMany(rows.map((row) => row.id), true))}
            />
          </div>
          {table.getHeaderGroups()[0]!.headers.map((header) => {
            const meta = (header.column.columnDef as GridColumn).meta;
            const sorted = meta.sort && sort.field === meta.sort ? sort.dir : null;
            return (
              <div key={header.id} role="columnheader" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"} className="flex min-w-0 items-center px-3 py-2">
                {meta.sort ? (
                  <button type="button" className="inline-flex items-center gap-1 truncate hover:text-foreground" data-testid={`sort-${meta.sort}`} onClick={() => toggleSort(meta.sort!)}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-40" aria-hidden />}
                  </button>
                ) : (
                  <span className="truncate">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                )}
              </div>
            );
          })}
        </div>
        <div className="relative min-w-fit" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = table.getRowModel().rows[item.index];
            if (!row) {
              return (
                <div key="more" className="absolute inset-x-0 flex items-center gap-2 px-4 text-sm text-muted-foreground" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                  <Loader2 className="size-4 animate-spin" aria-hidden /> Loading more rows…
                </div>
              );
            }
            const active = row.id === activeRowId;
            const selected = selection.isSelected(row.id);
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={selected}
                data-testid="row"
                data-row-id={row.id}
                data-active={active || undefined}
                tabIndex={0}
                className={cn(
                  "absolute inset-x-0 grid cursor-pointer items-center border-b text-sm outline-none hover:bg-muted/50 focus-visible:bg-muted/60 focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:ring-inset",
                  active && "bg-info/10 hover:bg-info/15",
                  selected && !active && "bg-primary/5",
                )}
                style={{ gridTemplateColumns: template, height: item.size, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpenRow(row.id)}
                onKeyDown={(event) => {
                  if (event.key === "Enter" && event.target === event.currentTarget) onOpenRow(row.id);
                }}
              >
                <div role="gridcell" className="flex items-center justify-center px-2" onClick={(event) => event.stopPropagation()}>
                  <input type="checkbox" aria-label="Select this row" data-testid="row-select" className="size-4 accent-primary" checked={selected} onChange={() => selection.toggle(row.id)} />
                </div>
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" data-testid={(cell.column.columnDef as GridColumn).meta.testId} className="min-w-0 overflow-hidden px-3">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
