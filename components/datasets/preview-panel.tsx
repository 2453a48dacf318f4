"use client";

import { AlertCircle, Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PreviewState } from "./use-preview";

export function PreviewPanel({ state, stale }: { state: PreviewState; stale: boolean }) {
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
                <Badge variant="info" data-testid="preview-row-label">
                  {row.label}
                </Badge>
                <Badge variant="outline">{row.language}</Badge>
                {row.model ? <span className="font-mono text-xs text-muted-foreground">{row.model}</span> : null}
              </div>
              {/* Generated text is untrusted: React text only. */}
              <p data-testid="preview-row-text" className="text-sm leading-relaxed whitespace-pre-wrap">
                {row.text}
                {row.status === "streaming" ? <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-muted-foreground/40 align-text-bottom" aria-hidden /> : null}
              </p>
              {row.status === "error" && row.error ? <p className="text-xs text-destructive">{row.error}</p> : null}
            </li>
          ))}
        </ol>
        {state.status === "done" && state.usage ? (
          <p className="text-xs text-muted-foreground">
            {state.usage.inputTokens ?? 0} input and {state.usage.outputTokens ?? 0} output tokens
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
