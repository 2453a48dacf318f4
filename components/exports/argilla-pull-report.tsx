"use client";

import { AlertTriangle } from "lucide-react";
import type { ArgillaPullReport } from "@/lib/exports/argilla-input";

export type PullReportView = ArgillaPullReport;

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <div className="grid gap-0.5">
    <dt className="text-xs text-muted-foreground">{label}</dt>
    <dd className="font-mono text-sm tabular-nums" data-testid={testId}>
      {value}
    </dd>
  </div>
);

/** What a pull did: counts, and the rows it left alone (conflicts) or could not apply (invalid). Texts come from Argilla: shown as text only. */
export function ArgillaPullReport({ report }: { report: PullReportView }) {
  return (
    <div className="grid gap-3 rounded-md border bg-muted/30 p-3" data-testid="argilla-pull-report">
      <dl className="grid grid-cols-5 gap-3">
        <Count label="Answered" value={report.fetched} testId="argilla-pull-fetched" />
        <Count label="Changed" value={report.changed} testId="argilla-pull-changed" />
        <Count label="Unchanged" value={report.unchanged} testId="argilla-pull-unchanged" />
        <Count label="Conflicts" value={report.conflicts} testId="argilla-pull-conflicts" />
        <Count label="Invalid" value={report.invalid} testId="argilla-pull-invalid" />
      </dl>
      {report.conflicts > 0 ? (
        <div className="grid gap-1 text-sm" data-testid="argilla-pull-conflict-list">
          <p className="flex items-center gap-1.5 font-medium">
            <AlertTriangle className="size-4 text-amber-600" aria-hidden />
            Reviewed in the app since the last push, differently: left as they are
          </p>
          <ul className="grid gap-0.5 font-mono text-xs break-all">
            {report.conflictRowIds.map((rowId) => (
              <li key={rowId}>{rowId}</li>
            ))}
          </ul>
          {report.conflicts > report.conflictRowIds.length ? <p className="text-xs text-muted-foreground">…and {report.conflicts - report.conflictRowIds.length} more.</p> : null}
        </div>
      ) : null}
      {report.invalid > 0 ? (
        <div className="grid gap-1 text-sm" data-testid="argilla-pull-invalid-list">
          <p className="font-medium">Not applied</p>
          <ul className="grid gap-1 text-xs">
            {report.invalidRows.map((item) => (
              <li key={item.rowId} className="break-words">
                <span className="font-mono">{item.rowId}</span>: {item.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
