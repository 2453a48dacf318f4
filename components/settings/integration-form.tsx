"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { createIntegrationSchema, integrationKindInfo, integrationKinds, updateIntegrationSchema, type IntegrationKind } from "@/lib/integrations/schema";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { Field } from "@/components/datasets/form-issues";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FormFooter } from "./form-footer";
import { useFormIssues } from "./use-form-issues";

export type Integration = RouterOutputs["integrations"]["list"][number];

type Draft = { name: string; kind: IntegrationKind; url: string; token: string; owner: string; workspace: string };

const fieldPaths = new Set(["name", "kind", "url", "token", "owner", "workspace"]);

function draftOf(integration: Integration | undefined): Draft {
  if (!integration) return { name: "", kind: "hub", url: integrationKindInfo.hub.defaultUrl ?? "", token: "", owner: "", workspace: "" };
  // The token always starts empty: the real one is never sent to the browser.
  return { name: integration.name, kind: integration.kind, url: integration.url, token: "", owner: integration.owner ?? "", workspace: integration.workspace ?? "" };
}

/** Create (no `integration`) or edit one Hub or Argilla connection. */
export function IntegrationForm({ integration, onDone }: { integration?: Integration; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(integration));

  const parsed = useMemo(() => (integration ? updateIntegrationSchema.safeParse({ ...draft, id: integration.id }) : createIntegrationSchema.safeParse(draft)), [integration, draft]);
  const { at, invalid, general, attempt, clearServer, onError } = useFormIssues(parsed, fieldPaths);

  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.integrations.list.pathFilter());
      onDone();
    },
    onError,
  };
  const create = useMutation(trpc.integrations.create.mutationOptions(options));
  const update = useMutation(trpc.integrations.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;

  const set = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    clearServer();
  };
  const changeKind = (kind: IntegrationKind) => {
    const previousDefault = integrationKindInfo[draft.kind].defaultUrl ?? "";
    const untouched = draft.url.trim() === "" || draft.url.trim() === previousDefault;
    set({ kind, url: untouched ? (integrationKindInfo[kind].defaultUrl ?? "") : draft.url });
  };
  const info = integrationKindInfo[draft.kind];

  function save(event: FormEvent) {
    event.preventDefault();
    if (!attempt()) return;
    if (integration) update.mutate({ ...draft, id: integration.id });
    else create.mutate(draft);
  }

  const tokenPlaceholder = integration ? `${integration.token.preview} (stored; leave empty to keep)` : `Paste the ${info.tokenLabel.toLowerCase()}`;
  const tokenHint = integration && !integration.token.readable ? "The stored token cannot be decrypted with this server's secret: enter it again." : `${info.tokenHelp} Stored encrypted and never shown again.`;

  return (
    <form className="grid gap-4" onSubmit={save} noValidate data-testid="integration-form">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="integration-name" issues={at("name")}>
          <Input id="integration-name" data-testid="integration-name" className="font-mono" autoComplete="off" placeholder={draft.kind === "hub" ? "my-hub" : "team-argilla"} value={draft.name} aria-invalid={invalid("name")} onChange={(event) => set({ name: event.target.value })} />
        </Field>
        <Field label="Service" htmlFor="integration-kind" issues={at("kind")}>
          <NativeSelect id="integration-kind" data-testid="integration-kind" value={draft.kind} onChange={(event) => changeKind(event.target.value as IntegrationKind)}>
            {integrationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {integrationKindInfo[kind].label}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field label="URL" htmlFor="integration-url" hint={info.defaultUrl ? `Default: ${info.defaultUrl} (or a mirror, like HF_ENDPOINT)` : `The Argilla server, e.g. ${info.urlExample}`} issues={at("url")}>
        <Input id="integration-url" data-testid="integration-url" className="font-mono" autoComplete="off" placeholder={info.urlExample} value={draft.url} aria-invalid={invalid("url")} onChange={(event) => set({ url: event.target.value })} />
      </Field>
      <Field label={info.tokenLabel} htmlFor="integration-token" hint={tokenHint} issues={at("token")}>
        <Input id="integration-token" data-testid="integration-token" type="password" autoComplete="new-password" spellCheck={false} className="font-mono" placeholder={tokenPlaceholder} value={draft.token} aria-invalid={invalid("token")} onChange={(event) => set({ token: event.target.value })} />
      </Field>
      {draft.kind === "hub" ? (
        <Field label="Default owner" htmlFor="integration-owner" hint="Optional: the user or organisation a repo name without one goes to." issues={at("owner")}>
          <Input id="integration-owner" data-testid="integration-owner" className="font-mono" autoComplete="off" placeholder="my-org" value={draft.owner} aria-invalid={invalid("owner")} onChange={(event) => set({ owner: event.target.value })} />
        </Field>
      ) : (
        <Field label="Default workspace" htmlFor="integration-workspace" hint="Optional: the Argilla workspace exports go to unless another is chosen." issues={at("workspace")}>
          <Input id="integration-workspace" data-testid="integration-workspace" className="font-mono" autoComplete="off" placeholder="annotators" value={draft.workspace} aria-invalid={invalid("workspace")} onChange={(event) => set({ workspace: event.target.value })} />
        </Field>
      )}
      <FormFooter testIdPrefix="integration" general={general} pending={pending} editing={Boolean(integration)} onCancel={onDone} />
    </form>
  );
}
