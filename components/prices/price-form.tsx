"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Adds or overrides the price of one model id (dated ids match by prefix). */
export function PriceForm({ initial, onDone }: { initial?: { model: string; inputPerMillion: number; outputPerMillion: number }; onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [model, setModel] = useState(initial?.model ?? "");
  const [input, setInput] = useState(initial ? String(initial.inputPerMillion) : "");
  const [output, setOutput] = useState(initial ? String(initial.outputPerMillion) : "");
  const save = useMutation(
    trpc.prices.set.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.prices.list.queryFilter());
        if (!initial) {
          setModel("");
          setInput("");
          setOutput("");
        }
        onDone?.();
      },
    }),
  );
  const fieldErrors = save.error?.data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ model: model.trim(), inputPerMillion: Number(input), outputPerMillion: Number(output) });
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="price-model">Model id</Label>
        <Input id="price-model" data-testid="price-model" className="w-64 font-mono text-xs" value={model} readOnly={Boolean(initial)} onChange={(e) => setModel(e.target.value)} placeholder="e.g. llama-3.3-70b" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="price-input">Input $ / M tokens</Label>
        <Input id="price-input" data-testid="price-input" className="w-36" inputMode="decimal" value={input} onChange={(e) => setInput(e.target.value)} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="price-output">Output $ / M tokens</Label>
        <Input id="price-output" data-testid="price-output" className="w-36" inputMode="decimal" value={output} onChange={(e) => setOutput(e.target.value)} />
      </div>
      <Button type="submit" data-testid="price-save" disabled={save.isPending}>
        <Plus aria-hidden /> {initial ? "Save" : "Add price"}
      </Button>
      {save.isError ? (
        <p role="alert" className="basis-full text-xs text-destructive">
          {fieldErrors ? Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages?.join(", ")}`).join(" · ") : save.error.message}
        </p>
      ) : null}
    </form>
  );
}
