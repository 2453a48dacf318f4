"use client";

// Client of POST /api/preview: an NDJSON stream whose `rows` events each carry
// the full current state of every preview row (later lines supersede earlier
// ones), then one `done` or `error` event.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PreviewEvent, PreviewRow } from "@/lib/previews/preview-row";
import type { FieldIssue } from "./form-issues";

export type { PreviewRow };

export type PreviewState =
  | { status: "idle" }
  | { status: "streaming"; rows: PreviewRow[] }
  | { status: "done"; rows: PreviewRow[]; previewId: string; usage?: { inputTokens?: number; outputTokens?: number }; calls?: number; rowCount?: number }
  | { status: "error"; rows: PreviewRow[]; message: string; issues: FieldIssue[] };

async function readFailure(response: Response): Promise<{ message: string; issues: FieldIssue[] }> {
  const body = (await response.json().catch(() => null)) as { error?: unknown; issues?: unknown } | null;
  const issues = Array.isArray(body?.issues) ? (body.issues as FieldIssue[]) : [];
  const message = typeof body?.error === "string" ? body.error : `The preview failed (HTTP ${response.status}).`;
  return { message, issues };
}

export function usePreview() {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  const controllerRef = useRef<AbortController | null>(null);

  // Leaving the page stops the generation on the server too.
  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(async (design: unknown): Promise<FieldIssue[]> => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    let rows: PreviewRow[] = [];
    setState({ status: "streaming", rows });
    try {
      const response = await fetch("/api/preview", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ design }), signal: controller.signal });
      if (!response.ok || !response.body) {
        const failure = await readFailure(response);
        setState({ status: "error", rows, ...failure });
        return failure.issues;
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      let finished = false;
      const apply = (line: string) => {
        if (line.trim() === "") return;
        const event = JSON.parse(line) as PreviewEvent;
        if (event.type === "preview") return;
        if (event.type === "rows") {
          rows = event.rows;
          setState({ status: "streaming", rows });
        } else if (event.type === "done") {
          finished = true;
          setState({ status: "done", rows, previewId: event.previewId, usage: event.usage, calls: event.calls, rowCount: event.rows });
        } else {
          finished = true;
          setState({ status: "error", rows, message: event.message, issues: [] });
        }
      };
      for (;;) {
        const { value, done } = await reader.read();
        buffer += decoder.decode(value, { stream: !done });
        const lines = buffer.split("\n");
        // The last piece may be half a line; keep it until the rest arrives.
        buffer = lines.pop() ?? "";
        lines.forEach(apply);
        if (done) break;
      }
      apply(buffer);
      if (!finished) setState({ status: "error", rows, message: "The preview stream ended before it finished.", issues: [] });
      return [];
    } catch (error) {
      if (controller.signal.aborted) return [];
      setState({ status: "error", rows, message: error instanceof Error ? error.message : String(error), issues: [] });
      return [];
    }
  }, []);

  /** Forgets the preview here (the caller deletes it on the server). */
  const clear = useCallback(() => {
    controllerRef.current?.abort();
    setState({ status: "idle" });
  }, []);

  return { state, start, clear };
}
