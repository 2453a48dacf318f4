"use client";

// Download the dataset as JSONL, CSV or Parquet. The choices become the query
// string of /api/exports/<id>; a plain link lets the browser stream the file to
// disk. The row count comes from the server for exactly these choices.
import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import {
  describeExportIssues,
  expansionVariableNames,
  exportFormats,
  exportOptionsSchema,
  exportQueryString,
  exportRowSetLabels,
  exportRowSets,
  lineageColumnNames,
  type ExportFormat,
  type ExportRowSet,
  type LineageColumnName,
  type SplitPart,
} from "@/lib/exports/export-options";
import { useTRPC } from "@/lib/trpc/client";
import { useDebounced } from "@/components/datasets/use-debounced";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const FORMAT_LABELS: Record<ExportFormat, string> = { jsonl: "JSONL", csv: "CSV", parquet: "Parquet" };
const LINEAGE_LABELS: Record<LineageColumnName, string> = {
  row_id: "Row id",
  run_id: "Run id",
  model: "Model",
  language: "Language",
  variables: "Variable values",
  tokens: "Tokens (input, output, reasoning)",
  cost: "Cost (USD)",
};

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function DownloadCard({ datasetId, design }: { datasetId: string; design: unknown }) {
  const trpc = useTRPC();
  const [format, setFormat] = useState<ExportFormat>("jsonl");
  const [rows, setRows] = useState<ExportRowSet>("all");
  const [lineage, setLineage] = useState<LineageColumnName[]>([]);
  const [splitOn, setSplitOn] = useState(false);
  const [testShare, setTestShare] = useState("0.1");
  const [seed, setSeed] = useState("42");
  const [splitAs, setSplitAs] = useState<"column" | "files">("column");
  const [bom, setBom] = useState(false);
  const variables = expansionVariableNames(design);

  const parsed = exportOptionsSchema.safeParse({
    format,
    rows,
    lineage,
    split: splitOn ? { testShare: number(testShare), seed: number(seed), as: splitAs } : null,
    bom: format === "csv" && bom,
  });
  const options = parsed.success ? parsed.data : undefined;
  // Debounced as text: a new object each render would restart the timer forever.
  const countKey = useDebounced(JSON.stringify({ datasetId, rows, split: options?.split ?? null }), 250);
  const countInput = JSON.parse(countKey) as { datasetId: string; rows: ExportRowSet; split: NonNullable<typeof options>["split"] };
  const countable = !splitOn || Boolean(options?.split);
  const count = useQuery(trpc.exports.count.queryOptions(countInput, { enabled: countable }));
  const href = (part?: SplitPart) => (options ? `/api/exports/${datasetId}?${exportQueryString(options, part)}` : undefined);
  const toggleLineage = (name: LineageColumnName, on: boolean) => setLineage((current) => (on ? [...current, name] : current.filter((other) => other !== name)));

  return (
    <Card data-testid="download-card">
      <CardHeader>
        <CardTitle>Download</CardTitle>
        <CardDescription>The current rows with reviewers&apos; edits and labels applied, streamed as a file.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor="export-format">Format</Label>
          <NativeSelect id="export-format" data-testid="export-format" value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {exportFormats.map((name) => <option key={name} value={name}>{FORMAT_LABELS[name]}</option>)}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="export-rows">Rows</Label>
          <NativeSelect id="export-rows" data-testid="export-rows" value={rows} onChange={(event) => setRows(event.target.value as ExportRowSet)}>
            {exportRowSets.map((name) => <option key={name} value={name}>{exportRowSetLabels[name]}</option>)}
          </NativeSelect>
        </div>
        <fieldset className="grid gap-2 sm:col-span-2">
          <legend className="mb-1 text-sm font-medium">Lineage columns (after the row&apos;s fields)</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {lineageColumnNames.map((name) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <input type="checkbox" data-testid={`export-lineage-${name}`} checked={lineage.includes(name)} onChange={(event) => toggleLineage(name, event.target.checked)} />
                {LINEAGE_LABELS[name]}
                {name === "variables" ? <span className="text-xs text-muted-foreground">({variables.length ? variables.join(", ") : "this design has none"})</span> : null}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="grid gap-3 sm:col-span-2">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" data-testid="export-split" checked={splitOn} onChange={(event) => setSplitOn(event.target.checked)} />
            Train/test split (seeded: the same seed puts the same row in the same part)
          </label>
          {splitOn ? (
            <div className="grid gap-3 sm:grid-cols-3">
              <div className="grid gap-1.5">
                <Label htmlFor="export-test-share">Test share (0–1)</Label>
                <Input id="export-test-share" data-testid="export-test-share" inputMode="decimal" value={testShare} onChange={(event) => setTestShare(event.target.value)} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="export-seed">Seed</Label>
                <Input id="export-seed" data-testid="export-seed" inputMode="numeric" value={seed} onChange={(event) => setSeed(event.target.value)} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="export-split-as">As</Label>
                <NativeSelect id="export-split-as" data-testid="export-split-as" value={splitAs} onChange={(event) => setSplitAs(event.target.value as "column" | "files")}>
                  <option value="column">A &quot;split&quot; column</option>
                  <option value="files">Two files (train, test)</option>
                </NativeSelect>
              </div>
            </div>
          ) : null}
        </fieldset>
        {format === "csv" ? (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" data-testid="export-bom" checked={bom} onChange={(event) => setBom(event.target.checked)} />
            Start with a UTF-8 byte-order mark (for Excel)
          </label>
        ) : null}
        {parsed.success ? null : (
          <p role="alert" data-testid="export-issues" className="text-sm text-destructive sm:col-span-2">
            {describeExportIssues(parsed.error)}
          </p>
        )}
      </CardContent>
      <CardFooter className="flex-wrap justify-between">
        <p className="text-sm text-muted-foreground" data-testid="export-count" aria-live="polite">
          {!countable ? "Fix the split to count the rows." : count.isError ? <span className="text-destructive">{count.error.message}</span> : count.data ? countText(count.data, options?.split?.as) : "Counting rows…"}
        </p>
        <div className="flex flex-wrap gap-2">
          {options?.split?.as === "files" ? (
            (["train", "test"] as const).map((part) => (
              <DownloadLink key={part} href={href(part)} testId={`download-${format}-${part}`} label={`Download ${part} (${FORMAT_LABELS[format]})`} />
            ))
          ) : (
            <DownloadLink href={href()} testId={`download-${format}`} label={`Download ${FORMAT_LABELS[format]}`} />
          )}
        </div>
      </CardFooter>
    </Card>
  );
}

function countText(count: { rows: number; train: number; test: number }, splitAs: "column" | "files" | undefined): string {
  const rows = `${count.rows.toLocaleString("en")} ${count.rows === 1 ? "row" : "rows"}`;
  return splitAs ? `${rows}: ${count.train.toLocaleString("en")} train, ${count.test.toLocaleString("en")} test` : `${rows} will be exported`;
}

function DownloadLink({ href, testId, label }: { href: string | undefined; testId: string; label: string }) {
  if (!href) {
    return (
      <Button disabled data-testid={testId}>
        <Download aria-hidden /> {label}
      </Button>
    );
  }
  return (
    <Button asChild>
      <a href={href} download data-testid={testId}>
        <Download aria-hidden /> {label}
      </a>
    </Button>
  );
}
