"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Rows3 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const PAGE_SIZE = 25;

type Props = {
  datasetId: string;
  runId?: string;
  /** Poll while a run is still writing rows. */
  live?: boolean;
};

export function RowsTable({ datasetId, runId, live = false }: Props) {
  const trpc = useTRPC();
  const [page, setPage] = useState(0);
  const rows = useQuery(
    trpc.rows.list.queryOptions(
      { datasetId, filter: runId ? { runIds: [runId] } : {}, page, pageSize: PAGE_SIZE },
      // Keeps the current page on screen while the next one loads, so the table does not jump.
      { placeholderData: keepPreviousData, refetchInterval: live ? 2_000 : false },
    ),
  );

  const total = rows.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex-row items-center justify-between pb-4">
        <CardTitle>Rows</CardTitle>
        <span className="text-sm text-muted-foreground">
          <span data-testid="rows-total" className="font-medium text-foreground tabular-nums">
            {rows.data ? `${rows.data.totalIsEstimate ? "≈ " : ""}${formatCount(total)}` : "…"}
          </span>{" "}
          rows
        </span>
      </CardHeader>
      {rows.isPending ? (
        <div className="px-5">
          <Loading label="Loading rows…" />
        </div>
      ) : rows.isError ? (
        <div className="px-5 pb-5">
          <ErrorNotice title="Could not load the rows" message={rows.error.message} />
        </div>
      ) : total === 0 ? (
        <div className="px-5 pb-5">
          <EmptyState icon={<Rows3 />} title="No rows yet" description={live ? "Rows appear here as the run writes them." : "Launch a run to generate the planned rows."} />
        </div>
      ) : (
        <>
          <Table data-testid="rows-table" className="border-t">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-full">Text</TableHead>
                <TableHead>Label</TableHead>
                <TableHead>Language</TableHead>
                <TableHead>Model</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.data.rows.map((row) => (
                <TableRow key={row.id} data-testid="row">
                  {/* Generated text is untrusted: rendered as React text only. */}
                  <TableCell data-testid="row-text" className="min-w-80 leading-relaxed whitespace-pre-wrap">
                    {row.text}
                  </TableCell>
                  <TableCell data-testid="row-label">
                    <div className="flex flex-wrap gap-1">
                      {row.labels.map((label) => (
                        <Badge key={label} variant="info">
                          {label}
                        </Badge>
                      ))}
                    </div>
                  </TableCell>
                  <TableCell data-testid="row-language" className="whitespace-nowrap">
                    {row.language}
                  </TableCell>
                  <TableCell data-testid="row-model" className="font-mono text-xs whitespace-nowrap text-muted-foreground">
                    {row.model}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="flex items-center justify-between gap-4 border-t px-5 py-3 text-sm text-muted-foreground">
            <span className="tabular-nums" data-testid="rows-range">
              {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
            </span>
            <div className="flex items-center gap-2">
              <span className="tabular-nums" data-testid="rows-page">
                Page {page + 1} of {pageCount}
              </span>
              <Button variant="outline" size="icon-sm" aria-label="Previous page" data-testid="rows-prev" disabled={page === 0} onClick={() => setPage((p) => Math.max(0, p - 1))}>
                <ChevronLeft aria-hidden />
              </Button>
              <Button variant="outline" size="icon-sm" aria-label="Next page" data-testid="rows-next" disabled={page + 1 >= pageCount || rows.isPlaceholderData} onClick={() => setPage((p) => p + 1)}>
                <ChevronRight aria-hidden />
              </Button>
            </div>
          </div>
        </>
      )}
    </Card>
  );
}
