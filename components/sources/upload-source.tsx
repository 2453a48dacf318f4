"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FileUp, Loader2 } from "lucide-react";
import { useId, useRef, useState, type DragEvent } from "react";
import { formatBytes, sourceFileAccept, sourceFormatList, sourceFormatOf, splitsIntoDocuments } from "@/lib/sources/formats";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { ErrorNotice } from "@/components/query-state";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { uploadSourceFile, type StoredSource, type UploadResult } from "./upload-file";

type State =
  | { step: "idle" }
  | { step: "uploading"; name: string; fraction: number }
  | { step: "parsing"; name: string }
  | { step: "stored"; message: string | null }
  | { step: "failed"; message: string };

/** What the upload did that a person may want to check: how a CSV's fields were separated. */
function storedMessage({ source, separator }: UploadResult): string | null {
  if (!separator) return null;
  return `${source.name}: read as ${separator}-separated, ${source.columns.length} columns, ${formatCount(source.recordCount)} record${source.recordCount === 1 ? "" : "s"}.`;
}

/** Drop or choose a file; it is uploaded, parsed and stored, then handed to `onStored`. */
export function UploadSource({ onStored }: { onStored: (source: StoredSource) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const limits = useQuery(trpc.sources.limits.queryOptions());
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: "idle" });
  const [wholeFile, setWholeFile] = useState(false);
  const [dragging, setDragging] = useState(false);
  const busy = state.step === "uploading" || state.step === "parsing";

  async function upload(file: File) {
    const format = sourceFormatOf(file.name);
    if (!format) return setState({ step: "failed", message: `${file.name}: unsupported file type. Upload one of ${sourceFormatList}.` });
    const maxBytes = limits.data?.maxBytes;
    if (maxBytes !== undefined && file.size > maxBytes) return setState({ step: "failed", message: `${file.name}: the file is ${formatBytes(file.size)}, above the ${formatBytes(maxBytes)} limit for source files. Split it into smaller files.` });
    setState({ step: "uploading", name: file.name, fraction: 0 });
    try {
      const result = await uploadSourceFile(file, {
        wholeFile: wholeFile && splitsIntoDocuments(format),
        onProgress: (fraction) => setState(fraction >= 1 ? { step: "parsing", name: file.name } : { step: "uploading", name: file.name, fraction }),
      });
      setState({ step: "stored", message: storedMessage(result) });
      await queryClient.invalidateQueries(trpc.sources.list.queryFilter());
      onStored(result.source);
    } catch (error) {
      setState({ step: "failed", message: (error as Error).message });
    } finally {
      if (input.current) input.current.value = "";
    }
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void upload(file);
  }

  return (
    <div className="grid gap-3">
      <label
        htmlFor={inputId}
        data-testid="source-drop-zone"
        onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex cursor-pointer flex-col items-center gap-2 rounded-lg border border-dashed bg-muted/30 px-6 py-8 text-center text-sm transition-colors hover:bg-muted/60 focus-within:ring-2 focus-within:ring-ring/50",
          dragging && "border-primary bg-primary/5",
          busy && "pointer-events-none opacity-70",
        )}
      >
        {busy ? <Loader2 className="size-5 animate-spin text-muted-foreground" aria-hidden /> : <FileUp className="size-5 text-muted-foreground" aria-hidden />}
        <span className="font-medium">{busy ? (state.step === "parsing" ? `Parsing ${state.name}…` : `Uploading ${state.name}…`) : "Drop a file here, or choose one"}</span>
        <span className="text-xs text-muted-foreground">
          {sourceFormatList}
          {limits.data ? ` · up to ${formatBytes(limits.data.maxBytes)}` : ""} · encoding detected (UTF-8, UTF-16, Latin-1)
        </span>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={sourceFileAccept}
          className="sr-only"
          data-testid="source-file-input"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {state.step === "uploading" ? <Progress value={state.fraction} max={1} aria-label="Upload progress" /> : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" checked={wholeFile} onChange={(event) => setWholeFile(event.target.checked)} data-testid="source-whole-file" />
        The whole file is one document
        <span className="text-xs text-muted-foreground">(.txt and .md are otherwise split at blank lines, .pdf by page)</span>
      </label>
      {state.step === "stored" && state.message ? (
        <p className="text-sm text-muted-foreground" data-testid="source-upload-result">
          {state.message}
        </p>
      ) : null}
      {state.step === "failed" ? (
        <div data-testid="source-upload-error">
          <ErrorNotice title="Could not use this file" message={state.message} />
        </div>
      ) : null}
    </div>
  );
}
