"use client";

import { useQuery } from "@tanstack/react-query";
import { Tabs } from "radix-ui";
import { useEffect, useState } from "react";
import type { SourceRefInput } from "@/lib/sources/source-ref";
import { useTRPC } from "@/lib/trpc/client";
import { useDebounced } from "@/components/datasets/use-debounced";
import { ErrorNotice, Loading } from "@/components/query-state";
import { HubSourceForm } from "./hub-source-form";
import { SourceColumns } from "./source-columns";
import { hasOrigin, originTab, withOrigin } from "./source-draft";
import { SourcePreview } from "./source-preview";
import { StoredSourceSelect } from "./stored-source-select";
import { tabClass } from "./tab-class";
import { UploadSource } from "./upload-source";

/** Where the documents come from: an uploaded file, a Hub sample or a stored source; then the columns and bounds. */
export function SourceField({ value, onChange }: { value: SourceRefInput | undefined; onChange(v: SourceRefInput): void }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState(() => originTab(value));
  // Typing a bound should not re-read a 100,000-record source on every keystroke.
  const ref = useDebounced(value, 300);
  // Bounds the wrong way round are reported beside the fields; no need to ask the server.
  const boundsValid = (ref?.minLength ?? 1) <= (ref?.maxLength ?? 20_000);
  const preview = useQuery({ ...trpc.sources.previewColumns.queryOptions({ source: ref as SourceRefInput, limit: 5 }), enabled: hasOrigin(ref) && !ref.file && boundsValid });
  const data = preview.data;

  // A new origin whose columns lack the chosen text column: take the suggested one.
  useEffect(() => {
    if (!value || !data?.fetched || data.columns.length === 0) return;
    const textMissing = !data.columns.includes(value.textColumn ?? "text");
    const contextMissing = value.contextColumn !== undefined && !data.columns.includes(value.contextColumn);
    if ((textMissing && data.suggestedTextColumn) || contextMissing) {
      onChange({ ...value, textColumn: textMissing && data.suggestedTextColumn ? data.suggestedTextColumn : value.textColumn, contextColumn: contextMissing ? undefined : value.contextColumn });
    }
    // Only when the preview answers; `value` changes with every keystroke.
  }, [data]);

  return (
    <div className="grid gap-5" data-testid="source-field">
      <Tabs.Root value={tab} onValueChange={(next) => setTab(next as typeof tab)} className="grid gap-4">
        <Tabs.List aria-label="Source origin" className="inline-flex w-fit gap-1 rounded-lg bg-muted p-1">
          <Tabs.Trigger value="upload" className={tabClass} data-testid="source-tab-upload">Upload a file</Tabs.Trigger>
          <Tabs.Trigger value="hub" className={tabClass} data-testid="source-tab-hub">Hugging Face Hub</Tabs.Trigger>
          <Tabs.Trigger value="stored" className={tabClass} data-testid="source-tab-stored">Stored sources</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="upload">
          <UploadSource onStored={(source) => onChange(withOrigin(value, { sourceId: source.id }))} />
        </Tabs.Content>
        <Tabs.Content value="hub">
          <HubSourceForm initial={value?.hub} onFetched={(spec) => onChange(withOrigin(value, { hub: spec }))} />
        </Tabs.Content>
        <Tabs.Content value="stored">
          <StoredSourceSelect selectedId={value?.sourceId} onSelect={(sourceId) => onChange(withOrigin(value, { sourceId }))} />
        </Tabs.Content>
      </Tabs.Root>

      {value?.file ? <p className="text-sm text-muted-foreground">This design reads the file <code className="font-mono">{value.file}</code> next to its design file (CLI). Upload it here to use it in the app.</p> : null}
      {hasOrigin(value) && !value.file ? (
        <div className="grid gap-4 border-t pt-4">
          {data?.fetched && data.source ? (
            <p className="text-sm" data-testid="source-current">
              Using <span className="font-medium">{data.source.name}</span>
            </p>
          ) : null}
          {preview.isPending && boundsValid ? <Loading label="Reading the source…" /> : null}
          {preview.isError ? <ErrorNotice title="Could not read this source" message={preview.error.message} /> : null}
          {data && !data.fetched ? <p className="text-sm text-muted-foreground">This Hub sample has not been fetched yet: press “Fetch sample” (it is also fetched when the dataset is launched).</p> : null}
          {data?.fetched ? (
            <>
              <SourceColumns value={value} columns={data.columns} onChange={onChange} />
              <SourcePreview preview={data} textColumn={value.textColumn ?? "text"} contextColumn={value.contextColumn} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
