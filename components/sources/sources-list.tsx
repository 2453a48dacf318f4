"use client";

import { useQuery } from "@tanstack/react-query";
import { Files } from "lucide-react";
import { formatBytes } from "@/lib/sources/formats";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { DeleteSourceButton } from "./delete-source-button";
import type { StoredSource } from "./upload-file";

function Origin({ source }: { source: StoredSource }) {
  if (source.kind === "hub") {
    return <span className="text-xs text-muted-foreground">{`random sample of ${formatCount(source.hubRowsTotal ?? 0)} rows · seed ${source.hubSeed}`}</span>;
  }
  return (
    <span className="text-xs text-muted-foreground">
      {[source.format.toUpperCase(), source.encoding, formatBytes(source.sizeBytes), source.wholeFile ? "whole file" : null].filter(Boolean).join(" · ")}
    </span>
  );
}

/** Every stored source with its records, columns and the datasets using it. */
export function SourcesList() {
  const trpc = useTRPC();
  const sources = useQuery(trpc.sources.list.queryOptions());
  if (sources.isPending) return <Loading label="Loading sources…" />;
  if (sources.isError) return <ErrorNotice title="Could not load the sources" message={sources.error.message} />;
  if (sources.data.length === 0) {
    return <EmptyState icon={<Files />} title="No sources yet" description="Upload a file or fetch a Hub sample above; mcq, preference, reasoning and transform datasets read their documents from a source." />;
  }
  return (
    <Card className="overflow-hidden">
      <Table data-testid="sources-table">
        <TableHeadings headings={["Name", "Kind", "Records:right", "Columns", "Used by", "Created"]} actions />
        <TableBody>
          {sources.data.map((source) => (
            <TableRow key={source.id} data-testid="source-row" data-name={source.name}>
              <TableCell className="max-w-80">
                <span className="block font-medium break-words">{source.name}</span>
                <Origin source={source} />
              </TableCell>
              <TableCell>
                <Badge variant={source.kind === "hub" ? "info" : "outline"}>{source.kind === "hub" ? "Hub sample" : "Upload"}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCount(source.recordCount)}
                {source.skippedEmpty > 0 ? <span className="block text-xs text-muted-foreground">{formatCount(source.skippedEmpty)} empty dropped</span> : null}
              </TableCell>
              <TableCell className="max-w-64 font-mono text-xs break-words">{source.columns.join(", ")}</TableCell>
              <TableCell className="text-xs">{source.datasetCount > 0 ? `${source.datasetCount} dataset${source.datasetCount === 1 ? "" : "s"}` : <span className="text-muted-foreground">none</span>}</TableCell>
              <TableCell className="text-xs whitespace-nowrap">{formatDateTime(source.createdAt)}</TableCell>
              <TableCell className="text-right">
                <DeleteSourceButton source={source} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
