"use client";

import type { RouterOutputs } from "@/lib/trpc/client";
import { formatCount } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cellText, describeSkipped } from "./source-draft";

type Preview = Extract<RouterOutputs["sources"]["previewColumns"], { fetched: true }>;

/** The first records as a table (source text is untrusted: rendered as text only) and what the bounds skip. */
export function SourcePreview({ preview, textColumn, contextColumn }: { preview: Preview; textColumn: string; contextColumn?: string }) {
  const total = preview.source?.recordCount ?? null;
  return (
    <div className="grid gap-3" data-testid="source-preview">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant={preview.documentCount > 0 ? "success" : "warning"} data-testid="source-document-count">
          {formatCount(preview.documentCount)} document{preview.documentCount === 1 ? "" : "s"}
        </Badge>
        {total !== null ? <span className="text-muted-foreground">of {formatCount(total)} records</span> : null}
        {preview.skipped ? (
          <span className="text-muted-foreground" data-testid="source-skipped">
            · skipped: {describeSkipped(preview.skipped)}
          </span>
        ) : null}
        {preview.source && preview.source.skippedEmpty > 0 ? <span className="text-muted-foreground">· {formatCount(preview.source.skippedEmpty)} empty dropped while reading the file</span> : null}
      </div>
      {preview.issue ? <p className="text-sm text-destructive" data-testid="source-issue">{preview.issue}</p> : null}
      {preview.records.length > 0 ? (
        <div className="max-h-80 overflow-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                {preview.columns.map((column) => (
                  <TableHead key={column} className={cn(column === textColumn && "text-foreground", column === contextColumn && "text-info")}>
                    {column}
                    {column === textColumn ? " · text" : column === contextColumn ? " · context" : ""}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.records.map((row) => (
                <TableRow key={row.ordinal}>
                  {preview.columns.map((column) => (
                    <TableCell key={column} className="max-w-72 text-xs whitespace-pre-wrap break-words">
                      {cellText(row.record[column])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
