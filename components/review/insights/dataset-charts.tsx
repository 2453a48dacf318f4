"use client";

// What the dataset holds, as charts: labels, languages, models, text lengths, and
// what each model cost. Counts are over current rows; spend over every call made.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/lib/trpc/client";
import { formatCost, formatCount } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type Datum = { name: string; value: number };

function ChartCard({ title, description, testId, children }: { title: string; description?: string; testId: string; children: ReactNode }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-sm">{title}</CardTitle>
        {description ? <CardDescription className="text-xs">{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="pt-3">{children}</CardContent>
    </Card>
  );
}

/** Horizontal bars with one category per row: long label names stay readable. */
function Bars({ data, format = formatCount, color = "var(--color-primary)" }: { data: Datum[]; format?: (value: number) => string; color?: string }) {
  if (data.length === 0) return <p className="text-sm text-muted-foreground">Nothing yet.</p>;
  const shown = data.slice(0, 30);
  return (
    <>
      <BarChart responsive layout="vertical" data={shown} style={{ width: "100%", height: Math.max(120, shown.length * 28 + 30) }} margin={{ left: 8, right: 16 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" tickFormatter={(value: number) => format(value)} fontSize={11} />
        <YAxis type="category" dataKey="name" width={120} fontSize={11} interval={0} />
        <Tooltip formatter={(value) => format(Number(value))} />
        <Bar dataKey="value" fill={color} isAnimationActive={false} />
      </BarChart>
      {data.length > shown.length ? <p className="text-xs text-muted-foreground">The {shown.length} largest of {data.length}.</p> : null}
    </>
  );
}

export function DatasetCharts({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const stats = useQuery(trpc.insights.stats.queryOptions({ datasetId }));
  if (stats.isPending) return <Loading label="Counting the rows…" />;
  if (stats.isError) return <ErrorNotice title="Could not load the charts" message={stats.error.message} />;
  const { labels, languages, models, lengths, spend } = stats.data;
  const toData = (entries: { value: string; count: number }[]) => entries.map((entry) => ({ name: entry.value || "(none)", value: entry.count }));
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="dataset-charts">
      <ChartCard title="Labels" description="Current rows per label (the reviewed labels where a review set them)." testId="chart-labels">
        <Bars data={toData(labels)} />
      </ChartCard>
      <ChartCard title="Languages" testId="chart-languages">
        <Bars data={toData(languages)} />
      </ChartCard>
      <ChartCard title="Models" description="Current rows per model." testId="chart-models">
        <Bars data={toData(models)} />
      </ChartCard>
      <ChartCard title="Cost per model" description="Every call of every run, replaced and failed ones included." testId="chart-cost">
        <Bars data={spend.map((entry) => ({ name: entry.model, value: entry.costUsd }))} format={formatCost} color="var(--color-info)" />
      </ChartCard>
      <ChartCard title="Text length" description="Characters of each current row's text." testId="chart-lengths">
        {lengths.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        ) : (
          <BarChart responsive data={lengths.map((bucket) => ({ name: bucket.from === bucket.to ? `${bucket.from}` : `${bucket.from}–${bucket.to}`, value: bucket.rows }))} style={{ width: "100%", height: 220 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="name" fontSize={10} interval="preserveStartEnd" />
            <YAxis fontSize={11} tickFormatter={(value: number) => formatCount(value)} width={48} />
            <Tooltip formatter={(value) => formatCount(Number(value))} labelFormatter={(label) => `${label} characters`} />
            <Bar dataKey="value" fill="var(--color-primary)" isAnimationActive={false} />
          </BarChart>
        )}
      </ChartCard>
    </div>
  );
}
