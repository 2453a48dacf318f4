"use client";

// Near-duplicates: start a scan (a worker job; its progress shows here), then go
// through the groups it found and keep one row of each, rejecting the rest.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ChevronLeft, ChevronRight, Copy, Loader2 } from "lucide-react";
import { useState } from "react";
import type { RouterOutputs } from "@/lib/trpc/client";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { EmptyState, ErrorNotice } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { useCan } from "@/components/auth/viewer-context";

type Group = RouterOutputs["insights"]["duplicateGroups"]["groups"][number];
const PAGE_SIZE = 10;

export function DuplicatesPanel({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const editor = useCan("editor");
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState("0.7");
  const [page, setPage] = useState(0);
  const scan = useQuery(trpc.insights.duplicateScan.queryOptions({ datasetId }, {
    refetchInterval: (query) => (query.state.data && (query.state.data.status === "queued" || query.state.data.status === "running") ? 1_000 : false),
  }));
  const finishedAt = scan.data?.finishedAt ?? null;
  const groups = useQuery(trpc.insights.duplicateGroups.queryOptions({ datasetId, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData, enabled: scan.data?.status === "completed" }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.insights.duplicateScan.queryFilter({ datasetId })),
      queryClient.invalidateQueries(trpc.insights.duplicateGroups.pathFilter()),
      queryClient.invalidateQueries(trpc.insights.progress.queryFilter({ datasetId })),
      queryClient.invalidateQueries(trpc.insights.reviewerProgress.queryFilter({ datasetId })),
      queryClient.invalidateQueries(trpc.rows.pathFilter()),
    ]);
  const start = useMutation(trpc.insights.scanDuplicates.mutationOptions({ onSuccess: () => { setPage(0); return refresh(); } }));
  const value = Number(threshold);
  const valid = Number.isFinite(value) && value >= 0.3 && value <= 1;
  const running = scan.data?.status === "queued" || scan.data?.status === "running";

  return (
    <Card data-testid="duplicates-panel">
      <CardHeader>
        <CardTitle>Near-duplicates</CardTitle>
        <CardDescription>Rows whose text is nearly the same (share of word pairs in common, estimated with MinHash). Keep one of each group and reject the rest.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {editor ? (
          <form className="flex flex-wrap items-end gap-3" onSubmit={(event) => { event.preventDefault(); start.mutate({ datasetId, threshold: value }); }}>
            <div className="grid gap-1">
              <Label htmlFor="duplicate-threshold" className="text-xs">Similarity at least</Label>
              <Input id="duplicate-threshold" data-testid="duplicate-threshold" className="w-24" inputMode="decimal" value={threshold} aria-invalid={!valid || undefined} onChange={(event) => setThreshold(event.target.value)} />
            </div>
            <Button type="submit" data-testid="scan-duplicates" disabled={!valid || running || start.isPending}>
              {running || start.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Copy aria-hidden />} {scan.data ? "Scan again" : "Find near-duplicates"}
            </Button>
            {!valid ? <p className="text-xs text-destructive">A similarity between 0.3 and 1.</p> : null}
          </form>
        ) : null}
        {start.isError ? <ErrorNotice title="Could not start the scan" message={start.error.message} /> : null}
        {scan.data && running ? (
          <div className="grid gap-1.5" role="status" data-testid="duplicate-scan-progress">
            <Progress value={scan.data.processed} max={Math.max(1, scan.data.total)} aria-label="Rows read" />
            <p className="text-xs text-muted-foreground tabular-nums">
              {scan.data.status === "queued" ? "Waiting for a worker…" : scan.data.processed < scan.data.total ? `Reading ${formatCount(scan.data.processed)} of ${formatCount(scan.data.total)} rows…` : "Comparing and grouping…"}
            </p>
          </div>
        ) : null}
        {scan.data?.status === "failed" ? <ErrorNotice title="The scan failed" message={scan.data.error ?? "unknown error"} /> : null}
        {scan.data?.status === "completed" ? (
          <p className="text-sm text-muted-foreground" data-testid="duplicate-scan-summary">
            Last scan {finishedAt ? formatDateTime(finishedAt) : ""} at similarity ≥ {scan.data.threshold}: {formatCount(scan.data.groups)} groups, {formatCount(scan.data.duplicateRows)} rows.
          </p>
        ) : null}
        {groups.data && groups.data.groups.length === 0 && scan.data?.status === "completed" ? (
          <EmptyState icon={<Check />} title="No near-duplicates" description="No two current rows are that alike (rows replaced or regenerated since the scan are not counted)." />
        ) : null}
        {groups.data && groups.data.groups.length > 0 ? (
          <>
            <ul className="grid gap-3" data-testid="duplicate-groups">
              {groups.data.groups.map((group) => <DuplicateGroup key={group.id} datasetId={datasetId} group={group} onDone={refresh} />)}
            </ul>
            <div className="flex items-center justify-end gap-2 text-sm text-muted-foreground">
              <span className="tabular-nums">Page {page + 1} of {Math.max(1, Math.ceil(groups.data.total / PAGE_SIZE))}</span>
              <Button variant="outline" size="icon-sm" aria-label="Previous groups" disabled={page === 0} onClick={() => setPage((p) => p - 1)}><ChevronLeft aria-hidden /></Button>
              <Button variant="outline" size="icon-sm" aria-label="Next groups" disabled={(page + 1) * PAGE_SIZE >= groups.data.total} onClick={() => setPage((p) => p + 1)}><ChevronRight aria-hidden /></Button>
            </div>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

function DuplicateGroup({ datasetId, group, onDone }: { datasetId: string; group: Group; onDone(): Promise<unknown> }) {
  const trpc = useTRPC();
  const [keep, setKeep] = useState(group.rows.find((row) => row.status === "accepted")?.id ?? group.rows[0]!.id);
  const keepOne = useMutation(trpc.insights.keepOne.mutationOptions({ onSuccess: onDone }));
  const name = `keep-${group.id}`;
  return (
    <li className="grid gap-2 rounded-md border p-3" data-testid="duplicate-group">
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <Badge variant="outline">{formatCount(group.size)} rows</Badge>
        <span>similarity ≥ {group.similarity.toFixed(2)}</span>
        <Button size="sm" className="ml-auto" data-testid="keep-one" disabled={keepOne.isPending} onClick={() => keepOne.mutate({ datasetId, groupId: group.id, keepRowId: keep })}>
          {keepOne.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />} Keep the chosen row, reject {formatCount(group.size - 1)}
        </Button>
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="sr-only">Row to keep</legend>
        {group.rows.map((row) => (
          <label key={row.id} className="flex items-start gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted/50" data-testid="duplicate-row">
            <input type="radio" name={name} className="mt-1" checked={keep === row.id} onChange={() => setKeep(row.id)} />
            {/* Generated text is untrusted: React text only. */}
            <span className="grid flex-1 gap-0.5">
              <span className="leading-relaxed whitespace-pre-wrap">{row.text}</span>
              <span className="text-xs text-muted-foreground">{row.status} · {row.labels.join(", ")} · {row.language} · {row.model}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {group.size > group.rows.length ? <p className="text-xs text-muted-foreground">The first {group.rows.length} rows of {formatCount(group.size)} are shown; the others are rejected too.</p> : null}
      {keepOne.isError ? <p role="alert" className="text-sm text-destructive">{keepOne.error.message}</p> : null}
    </li>
  );
}
