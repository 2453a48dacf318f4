"use client";

import { AlertCircle, Loader2, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCost } from "@/components/format";
import { RowFields } from "@/components/rows/row-fields";
import type { PreviewState } from "./use-preview";

type Keep = { keep: boolean; onKeepChange: (keep: boolean) => void; onDiscard: () => void; discarding: boolean };

export function PreviewPanel({ state, stale, keep }: { state: PreviewState; stale: boolean; keep?: Keep }) {
  if (state.status === "idle") return null;
  const rows = state.rows;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sm">
          Preview
          {state.status === "streaming" ? <Loader2 className="size-3.5 animate-spin text-muted-foreground" aria-label="Generating" /> : null}
        </CardTitle>
        <CardDescription>{stale ? "From an earlier version of the design; preview again to see the changes." : "Generated live from the current design; nothing is saved."}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 pt-3">
        {state.status === "error" && state.issues.length === 0 ? (
          <p role="alert" data-testid="preview-error" className="flex gap-2 text-sm text-destructive">
            <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span className="whitespace-pre-wrap">{state.message}</span>
          </p>
        ) : null}
        {state.status === "error" && state.issues.length > 0 ? <p className="text-sm text-destructive">Fix the problems listed above, then preview again.</p> : null}
        <ol data-testid="preview-rows" className="grid gap-2">
          {rows.map((row, index) => (
            <li key={index} data-testid="preview-row" data-status={row.status} className="grid gap-2 rounded-md border bg-muted/30 p-3">
              <div className="flex flex-wrap items-center gap-1.5">
                {Object.entries(row.variables).slice(0, 4).map(([name, value]) => (
                  <Badge key={name} variant="info" title={name} className="max-w-48 truncate">
                    {value}
                  </Badge>
                ))}
                <Badge variant="outline">{row.language}</Badge>
                <span className="font-mono text-xs text-muted-foreground">{row.model}</span>
              </div>
              {row.status === "generating" ? (
                <p className="flex items-center gap-2 text-xs text-muted-foreground">
                  <Loader2 className="size-3 animate-spin" aria-hidden /> {row.step ? `step: ${row.step}` : "starting"}
                </p>
              ) : null}
              {row.data ? (
                <div data-testid="preview-row-text">
                  <RowFields data={row.data} hide={["language"]} />
                </div>
              ) : null}
              {row.status === "error" && row.error ? <p className="text-xs text-destructive">{row.error}</p> : null}
              <details className="text-xs text-muted-foreground">
                <summary className="cursor-pointer select-none">
                  Prompt · {row.calls} call{row.calls === 1 ? "" : "s"} · {row.inputTokens} in / {row.outputTokens} out tokens{row.costUsd === null ? "" : ` · ${formatCost(row.costUsd)}`}
                </summary>
                <pre className="mt-1 max-h-48 overflow-auto rounded bg-muted p-2 font-mono whitespace-pre-wrap">{row.prompt}</pre>
              </details>
            </li>
          ))}
        </ol>
        {state.status === "done" && state.usage ? (
          <p className="text-xs text-muted-foreground">
            {state.usage.inputTokens ?? 0} input and {state.usage.outputTokens ?? 0} output tokens
          </p>
        ) : null}
        {state.status === "done" && keep ? (
          <div className="flex flex-wrap items-center justify-between gap-2 border-t pt-3">
            <label className="flex items-center gap-2 text-xs">
              <input type="checkbox" data-testid="keep-preview" className="size-4 accent-primary" checked={keep.keep && !stale} disabled={stale} onChange={(event) => keep.onKeepChange(event.target.checked)} />
              {stale ? "Rows of an earlier design cannot be kept" : "Keep these rows in the dataset when saving"}
            </label>
            <Button variant="ghost" size="sm" data-testid="discard-preview" disabled={keep.discarding} onClick={keep.onDiscard}>
              <Trash2 aria-hidden /> Discard
            </Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
