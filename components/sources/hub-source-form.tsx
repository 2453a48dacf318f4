"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CloudDownload, Loader2 } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { MAX_HUB_SAMPLE, type HubSample } from "@/lib/sources/source-ref";
import { useTRPC } from "@/lib/trpc/client";
import { Field } from "@/components/datasets/form-issues";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { StoredSource } from "./upload-file";

type Draft = { dataset: string; config: string; split: string; sample: string; seed: string; token: string };

function draftOf(spec: Partial<HubSample> | undefined): Draft {
  return { dataset: spec?.dataset ?? "", config: spec?.config ?? "", split: spec?.split ?? "", sample: String(spec?.sample ?? 100), seed: String(spec?.seed ?? 42), token: "" };
}

/** The spec exactly as it will be fetched and written into the design (never the token). */
function specOf(draft: Draft): HubSample {
  return { dataset: draft.dataset.trim(), config: draft.config.trim() || undefined, split: draft.split.trim() || undefined, sample: Number(draft.sample), seed: Number(draft.seed) };
}

/** A random sample of a Hub dataset, fetched and stored now; `onFetched` gets the spec to put in the design. */
export function HubSourceForm({ initial, onFetched }: { initial?: Partial<HubSample>; onFetched: (spec: HubSample, source: StoredSource) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const fetchSample = useMutation(trpc.sources.fetchHubSample.mutationOptions());
  const fieldErrors = (fetchSample.error?.data?.zodError?.fieldErrors ?? {}) as Partial<Record<keyof Draft, string[]>>;

  async function submit() {
    if (fetchSample.isPending || draft.dataset.trim() === "") return;
    const spec = specOf(draft);
    const source = await fetchSample.mutateAsync({ ...spec, token: draft.token || undefined }).catch(() => undefined);
    if (!source) return;
    await Promise.all([queryClient.invalidateQueries(trpc.sources.list.queryFilter()), queryClient.invalidateQueries(trpc.sources.previewColumns.queryFilter())]);
    onFetched(spec, source);
  }

  // Not a <form>: this sits inside the design form, and Enter here must fetch, not save the design.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <div role="group" aria-label="Hugging Face Hub sample" className="grid gap-4" onKeyDown={onKeyDown} data-testid="hub-source-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Dataset" htmlFor="hub-dataset" hint='A Hub dataset id, such as "stanfordnlp/imdb"' issues={fieldErrors.dataset ?? []} className="sm:col-span-3">
          <Input id="hub-dataset" data-testid="hub-dataset" placeholder="stanfordnlp/imdb" value={draft.dataset} onChange={(event) => set({ dataset: event.target.value })} />
        </Field>
        <Field label="Config" htmlFor="hub-config" hint="Blank: the first one" issues={fieldErrors.config ?? []}>
          <Input id="hub-config" data-testid="hub-config" placeholder="default" value={draft.config} onChange={(event) => set({ config: event.target.value })} />
        </Field>
        <Field label="Split" htmlFor="hub-split" hint='Blank: "train", else the first' issues={fieldErrors.split ?? []}>
          <Input id="hub-split" data-testid="hub-split" placeholder="train" value={draft.split} onChange={(event) => set({ split: event.target.value })} />
        </Field>
        <Field label="Sample size" htmlFor="hub-sample" hint={`Rows drawn at random (1–${MAX_HUB_SAMPLE.toLocaleString("en-US")})`} issues={fieldErrors.sample ?? []}>
          <Input id="hub-sample" data-testid="hub-sample" type="number" min={1} max={MAX_HUB_SAMPLE} value={draft.sample} onChange={(event) => set({ sample: event.target.value })} />
        </Field>
        <Field label="Seed" htmlFor="hub-seed" hint="The same seed draws the same rows" issues={fieldErrors.seed ?? []}>
          <Input id="hub-seed" data-testid="hub-seed" type="number" min={0} value={draft.seed} onChange={(event) => set({ seed: event.target.value })} />
        </Field>
        <Field label="Hub token" htmlFor="hub-token" hint="Only for gated or private datasets; used for this fetch, never stored" className="sm:col-span-2">
          <Input id="hub-token" data-testid="hub-token" type="password" autoComplete="off" placeholder="hf_…" value={draft.token} onChange={(event) => set({ token: event.target.value })} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button data-testid="hub-fetch" onClick={() => void submit()} disabled={fetchSample.isPending || draft.dataset.trim() === ""}>
          {fetchSample.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <CloudDownload aria-hidden />}
          {fetchSample.isPending ? "Fetching the sample…" : "Fetch sample"}
        </Button>
        <span className="text-xs text-muted-foreground">Reads random rows through the dataset viewer API; nothing is downloaded in full.</span>
      </div>
      {fetchSample.isError && Object.keys(fieldErrors).length === 0 ? (
        <div data-testid="hub-error">
          <ErrorNotice title="Could not fetch the sample" message={fetchSample.error.message} />
        </div>
      ) : null}
    </div>
  );
}
