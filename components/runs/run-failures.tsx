import { formatCount } from "@/components/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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

export function RunModels({ models }: { models: RunProgressData["models"] }) {
  if (models.length === 0) return null;
  return (
    <Card>
      <CardHeader className="pb-2">
        <CardTitle>Models</CardTitle>
      </CardHeader>
      <CardContent className="pt-2">
        <ul className="grid gap-1.5 text-sm" data-testid="run-models">
          {models.map((model) => (
            <li key={model.model} className="flex items-center justify-between gap-4">
              <span className="font-mono text-xs">{model.model}</span>
              <span className="text-muted-foreground tabular-nums">
                {formatCount(model.rows)} rows · {formatCount(model.lastMinute)} in the last minute
              </span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
