"use client";

// The coverage matrix: rows (and accepted rows) per expansion variable value ×
// label or topic × language. Cells the design asks for that fall below the
// threshold are "thin" and offer "Top up": a run for exactly that cell.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { RouterOutputs } from "@/lib/trpc/client";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useCan } from "@/components/auth/viewer-context";

type Matrix = RouterOutputs["insights"]["coverage"];
type Cell = Matrix["cells"][number];

const NONE = "";
const shown = (value: string, empty: string) => (value === "" ? empty : value);

export function CoverageMatrix({ datasetId }: { datasetId: string }) {
  const editor = useCan("editor");
  const trpc = useTRPC();
  const [variable, setVariable] = useState<string | null | undefined>(undefined);
  const [category, setCategory] = useState<string | null | undefined>(undefined);
  const [threshold, setThreshold] = useState(5);
  const [measure, setMeasure] = useState<"rows" | "accepted">("rows");
  const [topUp, setTopUp] = useState<Cell | null>(null);
  const coverage = useQuery(trpc.insights.coverage.queryOptions({ datasetId, variable, category, threshold, measure }, { placeholderData: keepPreviousData }));

  return (
    <Card data-testid="coverage-matrix">
      <CardHeader>
        <CardTitle>Coverage</CardTitle>
        <CardDescription>
          Current rows (and accepted rows) for each combination the design asks for. Cells below the threshold can be topped up with a run for exactly that cell.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {coverage.isPending ? <Loading label="Counting the cells…" /> : null}
        {coverage.isError ? <ErrorNotice title="Could not load the coverage" message={coverage.error.message} /> : null}
        {coverage.data ? (
          <>
            <div className="flex flex-wrap items-end gap-3 text-sm">
              <div className="grid gap-1">
                <Label htmlFor="coverage-variable" className="text-xs">Variable</Label>
                <NativeSelect id="coverage-variable" data-testid="coverage-variable" className="w-44" value={coverage.data.variable ?? NONE}
                  onChange={(event) => setVariable(event.target.value === NONE ? null : event.target.value)}>
                  <option value={NONE}>(none)</option>
                  {coverage.data.variables.map((name) => <option key={name} value={name}>{name}</option>)}
                </NativeSelect>
              </div>
              <div className="grid gap-1">
                <Label htmlFor="coverage-category" className="text-xs">By</Label>
                <NativeSelect id="coverage-category" data-testid="coverage-category" className="w-44" value={coverage.data.category ?? NONE}
                  onChange={(event) => setCategory(event.target.value === NONE ? null : event.target.value)}>
                  <option value={NONE}>(language only)</option>
                  {coverage.data.categories.map((axis) => <option key={axis.field} value={axis.field}>{axis.title}</option>)}
                </NativeSelect>
              </div>
              <div className="grid gap-1">
                <Label htmlFor="coverage-threshold" className="text-xs">Thin below</Label>
                <Input id="coverage-threshold" data-testid="coverage-threshold" type="number" min={0} className="w-24" value={threshold}
                  onChange={(event) => setThreshold(Math.max(0, Math.floor(Number(event.target.value) || 0)))} />
              </div>
              <div className="grid gap-1">
                <Label htmlFor="coverage-measure" className="text-xs">Counting</Label>
                <NativeSelect id="coverage-measure" data-testid="coverage-measure" className="w-36" value={measure} onChange={(event) => setMeasure(event.target.value === "accepted" ? "accepted" : "rows")}>
                  <option value="rows">all rows</option>
                  <option value="accepted">accepted rows</option>
                </NativeSelect>
              </div>
              <p className="ml-auto text-xs text-muted-foreground" data-testid="coverage-thin-count">
                {formatCount(coverage.data.thinCells)} thin {coverage.data.thinCells === 1 ? "cell" : "cells"}
              </p>
            </div>
            <MatrixTable matrix={coverage.data} onTopUp={editor ? setTopUp : null} />
          </>
        ) : null}
        {topUp && coverage.data ? <TopUpDialog datasetId={datasetId} matrix={coverage.data} cell={topUp} threshold={threshold} measure={measure} onClose={() => setTopUp(null)} /> : null}
      </CardContent>
    </Card>
  );
}

/** Without onTopUp (annotators), thin cells are marked but offer no top-up. */
function MatrixTable({ matrix, onTopUp }: { matrix: Matrix; onTopUp: ((cell: Cell) => void) | null }) {
  const categories = [...new Set(matrix.columns.map((column) => column.category))];
  const languagesOf = (category: string) => matrix.columns.filter((column) => column.category === category).map((column) => column.language);
  const cellAt = (value: string, category: string, language: string) => matrix.cells.find((cell) => cell.value === value && cell.category === category && cell.language === language)!;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-xs tabular-nums" data-testid="coverage-table">
        <thead>
          {matrix.category ? (
            <tr>
              <th />
              {categories.map((category) => (
                <th key={category} colSpan={languagesOf(category).length} className="border-b px-2 py-1 text-left font-medium">{shown(category, "(none)")}</th>
              ))}
            </tr>
          ) : null}
          <tr>
            <th className="px-2 py-1 text-left font-medium text-muted-foreground">{matrix.variable ?? ""}</th>
            {matrix.columns.map((column) => (
              <th key={`${column.category}\u0000${column.language}`} className="px-2 py-1 text-left font-normal text-muted-foreground">{column.language}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.values.map((value) => (
            <tr key={value} className="border-t">
              <th scope="row" className="px-2 py-1.5 text-left font-medium whitespace-nowrap">{shown(value, matrix.variable ? "(no value)" : "all rows")}</th>
              {matrix.columns.map((column) => {
                const cell = cellAt(value, column.category, column.language);
                return (
                  <td key={`${column.category}\u0000${column.language}`} data-testid="coverage-cell" data-thin={cell.thin}
                    data-cell={JSON.stringify([cell.value, cell.category, cell.language])}
                    className={cn("px-2 py-1.5 align-top", cell.thin && "bg-warning/10", !cell.inDesign && "text-muted-foreground")}>
                    <span data-testid="coverage-rows">{formatCount(cell.rows)}</span>
                    <span className="text-muted-foreground"> · {formatCount(cell.accepted)}✓</span>
                    {cell.thin && matrix.topUp && onTopUp ? (
                      <Button variant="link" size="sm" className="ml-1 h-auto p-0 text-xs" data-testid="coverage-top-up" onClick={() => onTopUp(cell)}>
                        Top up
                      </Button>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted-foreground">Each cell: rows · accepted rows. Grey: values the design does not ask for.</p>
    </div>
  );
}

function TopUpDialog({ datasetId, matrix, cell, threshold, measure, onClose }: { datasetId: string; matrix: Matrix; cell: Cell; threshold: number; measure: "rows" | "accepted"; onClose(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(String(Math.max(1, threshold - (measure === "rows" ? cell.rows : cell.accepted))));
  const topUp = useMutation(trpc.insights.topUp.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.runs.list.queryFilter({ datasetId })) }));
  const count = Number(rows);
  const valid = Number.isInteger(count) && count >= 1 && count <= 10_000;
  const describe = [matrix.variable ? `${matrix.variable} = ${cell.value}` : null, matrix.category ? `${matrix.category} = ${cell.category}` : null, `language ${cell.language}`].filter(Boolean).join(", ");
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())} title="Top up this cell" testId="top-up-dialog" description={`A run of the design restricted to ${describe}.`}>
      {topUp.data ? (
        <div className="grid gap-3 text-sm" role="status" data-testid="top-up-started">
          <p>Generating {formatCount(topUp.data.plannedRows)} more rows for this cell.</p>
          <div className="flex justify-end gap-2">
            <Button variant="outline" asChild><Link href={`/datasets/${datasetId}/runs/${topUp.data.runId}`} data-testid="top-up-run-link">Follow the run</Link></Button>
            <Button onClick={onClose}>Done</Button>
          </div>
        </div>
      ) : (
        <form className="grid gap-4" onSubmit={(event) => {
          event.preventDefault();
          topUp.mutate({ datasetId, rows: count, cell: { variable: matrix.variable, value: cell.value, category: matrix.category, categoryValue: cell.category, language: cell.language } });
        }}>
          <div className="grid gap-1.5">
            <Label htmlFor="top-up-rows">Rows to add</Label>
            <Input id="top-up-rows" data-testid="top-up-rows" type="number" min={1} max={10_000} value={rows} aria-invalid={!valid || undefined} onChange={(event) => setRows(event.target.value)} />
            <p className="text-xs text-muted-foreground">Spread over the cell&apos;s distinct prompts and models.</p>
          </div>
          {topUp.isError ? <p role="alert" data-testid="top-up-error" className="text-sm whitespace-pre-wrap text-destructive">{topUp.error.message}</p> : null}
          <div className="flex justify-end gap-2">
            <Button variant="outline" onClick={onClose}>Cancel</Button>
            <Button type="submit" data-testid="top-up-confirm" disabled={!valid || topUp.isPending}>
              {topUp.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />} Add {valid ? formatCount(count) : ""} rows
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
