"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { PageHeader } from "@/components/page-header";
import { ErrorNotice, Loading } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PriceForm } from "./price-form";

const usd = (value: number) => `$${value.toLocaleString("en-US", { maximumFractionDigits: 4 })}`;

export function PricesTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prices = useQuery(trpc.prices.list.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const reset = useMutation(trpc.prices.reset.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.prices.list.queryFilter()) }));
  if (prices.isPending) return <Loading label="Loading prices…" />;
  if (prices.isError) return <ErrorNotice title="Could not load prices" message={prices.error.message} />;
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Prices"
        description={`USD per million tokens, used for cost per row, per run and per model, and for estimates before launch. Shipped defaults were taken on ${prices.data.takenOn}; providers change prices, so check and edit them. Reasoning tokens bill as output. A design can also set "pricing" per model.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Add a price</CardTitle>
          <CardDescription>For models not listed (self-hosted, Groq, Together…). Dated ids such as gpt-4o-2024-08-06 use the price of the longest listed id they start with.</CardDescription>
        </CardHeader>
        <CardContent>
          <PriceForm />
        </CardContent>
      </Card>
      <Card className="overflow-hidden">
        <Table data-testid="prices-table">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Model</TableHead>
              <TableHead className="text-right">Input</TableHead>
              <TableHead className="text-right">Output</TableHead>
              <TableHead>Source</TableHead>
              <TableHead className="w-0" />
            </TableRow>
          </TableHeader>
          <TableBody>
            {prices.data.prices.map((price) =>
              editing === price.model ? (
                <TableRow key={price.model}>
                  <TableCell colSpan={5}>
                    <PriceForm initial={price} onDone={() => setEditing(null)} />
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={price.model} data-testid="price-row">
                  <TableCell className="font-mono text-xs">{price.model}</TableCell>
                  <TableCell className="text-right tabular-nums">{usd(price.inputPerMillion)}</TableCell>
                  <TableCell className="text-right tabular-nums">{usd(price.outputPerMillion)}</TableCell>
                  <TableCell>
                    <Badge variant={price.source === "user" ? "default" : "secondary"}>{price.source === "user" ? "edited" : "default"}</Badge>
                  </TableCell>
                  <TableCell className="flex justify-end gap-1">
                    <Button size="sm" variant="ghost" onClick={() => setEditing(price.model)}>Edit</Button>
                    {price.source === "user" ? (
                      <Button size="sm" variant="ghost" onClick={() => reset.mutate({ model: price.model })}>
                        {price.default ? "Reset" : "Delete"}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
