"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";

/** A source stored earlier (an upload or a Hub sample), reusable by any dataset. */
export function StoredSourceSelect({ selectedId, onSelect }: { selectedId?: string; onSelect: (id: string) => void }) {
  const trpc = useTRPC();
  const sources = useQuery(trpc.sources.list.queryOptions());
  const id = useId();
  if (sources.isPending) return <Loading label="Loading stored sources…" />;
  if (sources.isError) return <ErrorNotice title="Could not load the stored sources" message={sources.error.message} />;
  if (sources.data.length === 0) return <p className="text-sm text-muted-foreground">No stored sources yet: upload a file or fetch a Hub sample first.</p>;
  const known = sources.data.some((source) => source.id === selectedId);
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Stored source</Label>
      <NativeSelect id={id} data-testid="stored-source-select" value={known ? selectedId : ""} onChange={(event) => event.target.value && onSelect(event.target.value)}>
        <option value="" disabled>
          Choose a source…
        </option>
        {sources.data.map((source) => (
          <option key={source.id} value={source.id}>
            {`${source.name} · ${formatCount(source.recordCount)} records · ${formatDateTime(source.createdAt)}`}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
