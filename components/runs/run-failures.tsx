import { formatCost, formatCount } from "@/components/format";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RunProgressData } from "./run-stats";

export function RunFailures({ failures }: { failures: RunProgressData["failures"] }) {
  if (failures.length === 0) return null;
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>Failures</CardTitle>
        <CardDescription>Work items that exhausted their retries, grouped by reason, with one example each.</CardDescription>
      </CardHeader>
      <Table data-testid="run-failures" className="border-t">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Reason</TableHead>
            <TableHead className="text-right">Items</TableHead>
            <TableHead className="w-full">Example</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {failures.map((failure) => (
            <TableRow key={failure.errorKind} data-testid="run-failure">
              <TableCell className="font-mono text-xs whitespace-nowrap">{failure.errorKind}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(failure.count)}</TableCell>
              {/* Provider error messages can echo model output: text only. */}
              <TableCell className="text-xs whitespace-pre-wrap text-muted-foreground">{failure.example}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : "—");

/** Per model: rows, throughput, and how reliably it produced valid structured output. */
export function RunModels({ models, stats }: { models: RunProgressData["models"]; stats: RunProgressData["modelStats"] }) {
  const names = [...new Set([...models.map((m) => m.model), ...stats.map((s) => s.model)])].sort();
  if (names.length === 0) return null;
  return (
    <Card className="overflow-hidden">
      <CardHeader className="pb-4">
        <CardTitle>Models</CardTitle>
        <CardDescription>Calls include repairs (re-asking after invalid output) and retries. Valid first try = share of finished items whose first answer matched the schema.</CardDescription>
      </CardHeader>
      <Table data-testid="run-models" className="border-t">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Model</TableHead>
            <TableHead className="text-right">Rows</TableHead>
            <TableHead className="text-right">Last minute</TableHead>
            <TableHead className="text-right">Calls</TableHead>
            <TableHead className="text-right">Valid first try</TableHead>
            <TableHead className="text-right">Repaired</TableHead>
            <TableHead className="text-right">Failed items</TableHead>
            <TableHead className="text-right">Tokens in / out</TableHead>
            <TableHead className="text-right">Cost</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {names.map((name) => {
            const rows = models.find((m) => m.model === name);
            const stat = stats.find((s) => s.model === name);
            const finished = stat ? stat.firstTryValid + stat.repaired + stat.failed : 0;
            return (
              <TableRow key={name} data-testid="run-model">
                <TableCell className="font-mono text-xs">{name}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(rows?.rows ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(rows?.lastMinute ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid="run-model-calls">{formatCount(stat?.calls ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums">{stat ? percent(stat.firstTryValid, finished) : "—"}</TableCell>
                <TableCell className="text-right tabular-nums" data-testid="run-model-repaired">{formatCount(stat?.repaired ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatCount(stat?.failed ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums text-xs">
                  {formatCount(stat?.inputTokens ?? 0)} / {formatCount(stat?.outputTokens ?? 0)}
                  {stat && stat.reasoningTokens > 0 ? <span className="block text-muted-foreground">{formatCount(stat.reasoningTokens)} reasoning</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatCost(stat?.costUsd ?? 0)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
