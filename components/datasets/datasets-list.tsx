"use client";

import { useQuery } from "@tanstack/react-query";
import { Database, Plus } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { formatCount, formatDateTime } from "@/components/format";
import { EmptyState, ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";

export function DatasetsList() {
  const trpc = useTRPC();
  const datasets = useQuery(trpc.datasets.list.queryOptions());

  if (datasets.isPending) return <Loading label="Loading datasets…" />;
  if (datasets.isError) return <ErrorNotice title="Could not load the datasets" message={datasets.error.message} />;
  if (datasets.data.length === 0) {
    return (
      <EmptyState
        icon={<Database />}
        title="No datasets yet"
        description="Design a dataset: labels, templates, languages and a model. You can preview rows before generating them all."
        action={
          <Button asChild>
            <Link href="/datasets/new">
              <Plus aria-hidden /> New dataset
            </Link>
          </Button>
        }
      />
    );
  }

  return (
    <Card className="overflow-hidden">
      <Table data-testid="datasets-table">
        <TableHeadings headings={["Name", "Type", "Rows:right", "Runs:right", "Created:right"]} />
        <TableBody>
          {datasets.data.map((dataset) => (
            <TableRow key={dataset.id} data-testid="dataset-row">
              <TableCell className="font-medium">
                <Link href={`/datasets/${dataset.id}`} className="hover:underline" data-testid="dataset-link">
                  {dataset.name}
                </Link>
              </TableCell>
              <TableCell>
                <Badge variant="outline">{dataset.type}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(dataset.rowCount)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(dataset.runCount)}</TableCell>
              <TableCell className="text-right whitespace-nowrap text-muted-foreground">{formatDateTime(dataset.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
