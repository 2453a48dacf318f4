import { formatCount, formatDateTime } from "@/components/format";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunProgressData } from "./run-stats";

type Batch = RunProgressData["batches"][number];

const statusVariant: Record<Batch["status"], BadgeVariant> = { submitting: "outline", submitted: "info", ended: "success", failed: "destructive", cancelled: "warning" };

/** What a pause or cancel does to batches, said where the batches are. */
function lifecycleNote(status: RunProgressData["status"]): string {
  if (status === "paused") return "Paused: no new batch is submitted; batches already submitted keep running at the provider and their rows are stored when they end.";
  if (status === "cancelling" || status === "cancelled") return "Cancelled: running batches are cancelled at the provider; rows stored before are kept, answers that arrive later are not.";
  return "Each batch carries up to the provider's limit of work items of one model; answers that fail validation, and requests a batch does not answer, are retried online.";
}

/** A batch-mode run's provider batches: their provider status, request counts and what became of their items. */
export function RunBatches({ run }: { run: RunProgressData }) {
  if (run.mode !== "batch") return null;
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>Provider batches</CardTitle>
        <CardDescription data-testid="run-batches-note">{lifecycleNote(run.status)}</CardDescription>
      </CardHeader>
      {run.batches.length === 0 ? (
        <p className="border-t px-6 py-4 text-sm text-muted-foreground" data-testid="run-batches-empty">
          {run.terminal ? "No batch was submitted." : "Waiting for the first batch to be submitted…"}
        </p>
      ) : (
        <Table data-testid="run-batches" className="border-t">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Model</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Provider</TableHead>
              <TableHead className="text-right">Requests</TableHead>
              <TableHead className="text-right">Answered / failed</TableHead>
              <TableHead className="text-right">Stored / online</TableHead>
              <TableHead>Submitted</TableHead>
              <TableHead>Ended</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {run.batches.map((batch) => (
              <TableRow key={batch.id} data-testid="run-batch">
                <TableCell className="font-mono text-xs">{batch.model}</TableCell>
                <TableCell>
                  <Badge variant={statusVariant[batch.status]} data-testid="run-batch-status">{batch.status}</Badge>
                  {batch.error ? <span className="mt-1 block max-w-xs text-xs whitespace-pre-wrap text-destructive">{batch.error}</span> : null}
                </TableCell>
                <TableCell className="text-xs">
                  {batch.providerStatus ?? "—"}
                  {batch.providerBatchId ? <span className="block font-mono text-muted-foreground">{batch.providerBatchId}</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(batch.requestCount)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(batch.succeededCount)} / {formatCount(batch.failedCount)}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid="run-batch-settled">{formatCount(batch.storedItems)} / {formatCount(batch.fallbackItems)}</TableCell>
                <TableCell className="text-xs whitespace-nowrap">{batch.submittedAt ? formatDateTime(batch.submittedAt) : "—"}</TableCell>
                <TableCell className="text-xs whitespace-nowrap">{batch.endedAt ? formatDateTime(batch.endedAt) : "—"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
