"use client";

// How a row was made: the prompt as sent, its variable values, model and
// parameters, usage, the run, every call of its work item (with errors and
// repairs) and the versions a regeneration links. Loaded when opened.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCost, formatCount, formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function Pairs({ entries, testId }: { entries: [string, unknown][]; testId: string }) {
  if (entries.length === 0) return <p className="text-muted-foreground">none</p>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5" data-testid={testId}>
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted-foreground">{key}</dt>
          <dd className="break-words whitespace-pre-wrap">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function LineageBody({ datasetId, rowId, onOpenRow }: { datasetId: string; rowId: string; onOpenRow(rowId: string): void }) {
  const trpc = useTRPC();
  const lineage = useQuery(trpc.reviews.lineage.queryOptions({ datasetId, rowId }));
  if (lineage.isPending) return <Loading label="Loading the lineage…" />;
  if (lineage.isError) return <ErrorNotice title="Could not load the lineage" message={lineage.error.message} />;
  const row = lineage.data;
  const entries = (value: unknown) => Object.entries((value && typeof value === "object" ? value : {}) as Record<string, unknown>);
  return (
    <div className="grid gap-4 text-xs" data-testid="lineage">
      <section className="grid gap-1">
        <h4 className="font-medium">Prompt</h4>
        <pre className="max-h-56 overflow-auto rounded-md bg-muted p-2 font-mono text-[11px] leading-relaxed break-words whitespace-pre-wrap" data-testid="lineage-prompt">
          {row.prompt}
        </pre>
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <section className="grid content-start gap-1">
          <h4 className="font-medium">Variables</h4>
          <Pairs entries={entries(row.variables)} testId="lineage-variables" />
        </section>
        <section className="grid content-start gap-1">
          <h4 className="font-medium">Model</h4>
          <Pairs
            testId="lineage-model"
            entries={[["model", row.model], ["language", row.language], ...(row.connection ? ([["connection", `${row.connection.name} (${row.connection.kind})`]] as [string, unknown][]) : []), ...entries(row.parameters)]}
          />
        </section>
        <section className="grid content-start gap-1">
          <h4 className="font-medium">Usage</h4>
          <Pairs
            testId="lineage-usage"
            entries={[
              ["tokens in", formatCount(row.inputTokens)],
              ["tokens out", formatCount(row.outputTokens)],
              ["reasoning tokens", formatCount(row.reasoningTokens)],
              ["cost", formatCost(row.costUsd)],
              ["latency", `${formatCount(row.latencyMs)} ms`],
              ["created", formatDateTime(row.createdAt)],
            ]}
          />
        </section>
        <section className="grid content-start gap-1">
          <h4 className="font-medium">Run</h4>
          <p className="flex flex-wrap items-center gap-1.5">
            <Link href={`/datasets/${datasetId}/runs/${row.run.id}`} className="font-mono underline underline-offset-2" data-testid="lineage-run">
              {row.run.id.slice(0, 8)}
            </Link>
            <Badge variant="outline">{row.run.kind.replace("_", "-")}</Badge>
            <Badge variant="secondary">{row.run.status}</Badge>
            {row.run.fromPreview ? <Badge variant="outline">from preview</Badge> : null}
          </p>
          {row.run.instruction ? <p className="whitespace-pre-wrap text-muted-foreground">Extra instruction: {row.run.instruction}</p> : null}
        </section>
      </div>
      <section className="grid gap-1">
        <h4 className="font-medium">
          Calls of its work item ({row.workItem.attempts}, {row.workItem.status})
        </h4>
        <div className="overflow-x-auto">
          <table className="w-full text-left" data-testid="lineage-attempts">
            <thead className="text-muted-foreground">
              <tr>
                {["#", "step", "model", "outcome", "error", "repairs", "latency"].map((heading) => (
                  <th key={heading} className="py-1 pr-3 font-normal">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row.attempts.map((attempt) => (
                <tr key={attempt.number} className="border-t align-top" data-testid="lineage-attempt">
                  <td className="py-1 pr-3 tabular-nums">{attempt.number}</td>
                  <td className="py-1 pr-3">{attempt.step ?? "—"}</td>
                  <td className="py-1 pr-3 font-mono">{attempt.model ?? "—"}</td>
                  <td className="py-1 pr-3">{attempt.outcome}</td>
                  <td className="py-1 pr-3 whitespace-pre-wrap">{attempt.errorKind ? `${attempt.errorKind}: ${attempt.message ?? ""}` : "—"}</td>
                  <td className="py-1 pr-3 tabular-nums">{attempt.repairs}</td>
                  <td className="py-1 pr-3 tabular-nums">{attempt.latencyMs === null ? "—" : `${formatCount(attempt.latencyMs)} ms`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {row.attempts.length === 0 ? <p className="text-muted-foreground">No call recorded (a preview kept as a run records none).</p> : null}
      </section>
      {row.replaces || row.replacedBy.length ? (
        <section className="grid gap-1" data-testid="lineage-versions">
          <h4 className="font-medium">Versions</h4>
          {row.replaces ? (
            <div className="grid gap-1 rounded-md border p-2">
              <p className="text-muted-foreground">
                Regenerated from an earlier version ({row.replaces.review?.status ?? "pending"}, {row.replaces.model}):
              </p>
              <p className="line-clamp-3 whitespace-pre-wrap">{row.replaces.text}</p>
              <div>
                <Button size="sm" variant="outline" onClick={() => onOpenRow(row.replaces!.id)} data-testid="lineage-open-replaced">
                  Open the earlier version
                </Button>
              </div>
            </div>
          ) : null}
          {row.replacedBy.map((newer) => (
            <p key={newer.id} className="flex items-center gap-2">
              Replaced by a newer version{newer.current ? "" : " (itself replaced since)"}.
              <Button size="sm" variant="link" className="h-auto p-0" onClick={() => onOpenRow(newer.id)}>
                Open it
              </Button>
            </p>
          ))}
        </section>
      ) : null}
    </div>
  );
}

export function LineagePanel({ datasetId, rowId, onOpenRow }: { datasetId: string; rowId: string; onOpenRow(rowId: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="rounded-md border px-3 py-2" data-testid="lineage-panel" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium">Lineage: prompt, model, usage, calls</summary>
      <div className="pt-3">{open ? <LineageBody datasetId={datasetId} rowId={rowId} onOpenRow={onOpenRow} /> : null}</div>
    </details>
  );
}
