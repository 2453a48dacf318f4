"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { connectionKinds, createConnectionSchema, kindInfo, updateConnectionSchema, type ConnectionKind } from "@/lib/connections/schema";
import { useTRPC } from "@/lib/trpc/client";
import { Field } from "@/components/datasets/form-issues";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { changeKind, draftFromConnection, draftToInput, emptyDraft, type Connection, type ConnectionDraft } from "./connection-draft";
import { FormFooter } from "./form-footer";
import { Switch } from "./switch";
import { useFormIssues } from "./use-form-issues";

const fieldPaths = new Set(["name", "kind", "baseUrl", "apiKey", "apiKeyEnv", "rpm", "tpm", "rpd", "maxConcurrency", "timeoutMs"]);

/** Create (no `connection`) or edit one connection. */
export function ConnectionForm({ connection, onDone }: { connection?: Connection; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConnectionDraft>(() => (connection ? draftFromConnection(connection) : emptyDraft()));

  const input = useMemo(() => draftToInput(draft), [draft]);
  const parsed = useMemo(() => (connection ? updateConnectionSchema.safeParse({ ...input, id: connection.id }) : createConnectionSchema.safeParse(input)), [connection, input]);
  const { at, invalid, general, attempt, clearServer, onError } = useFormIssues(parsed, fieldPaths);

  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.connections.list.queryFilter());
      onDone();
    },
    onError,
  };
  const create = useMutation(trpc.connections.create.mutationOptions(options));
  const update = useMutation(trpc.connections.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;

  const change = (next: (current: ConnectionDraft) => ConnectionDraft) => {
    setDraft(next);
    clearServer();
  };
  const set = (patch: Partial<ConnectionDraft>) => change((current) => ({ ...current, ...patch }));
  const info = kindInfo[draft.kind];

  function save(event: FormEvent) {
    event.preventDefault();
    if (!attempt()) return;
    if (connection) update.mutate({ ...input, id: connection.id });
    else create.mutate(input);
  }

  const keyPlaceholder = connection?.apiKey.set ? `${connection.apiKey.preview ?? "••••"} (stored; leave empty to keep)` : info.requiresKey ? "Paste the API key" : "Optional";
  const keyHint = connection?.apiKey.set && !connection.apiKey.readable
    ? "The stored key cannot be decrypted with this server's secret: enter it again."
    : info.requiresKey
      ? `${info.label} requires a key. It is stored encrypted and never shown again.`
      : "Optional: only servers behind an authenticating proxy need one. Stored encrypted.";

  return (
    <form className="grid gap-4" onSubmit={save} noValidate data-testid="connection-form">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor="connection-name" hint='Designs refer to it as "connection": "<name>"' issues={at("name")}>
          <Input id="connection-name" data-testid="connection-name" className="font-mono" autoComplete="off" placeholder="my-openai" value={draft.name} aria-invalid={invalid("name")} onChange={(event) => set({ name: event.target.value })} />
        </Field>
        <Field label="Provider" htmlFor="connection-kind" issues={at("kind")}>
          <NativeSelect id="connection-kind" data-testid="connection-kind" value={draft.kind} onChange={(event) => change((current) => changeKind(current, event.target.value as ConnectionKind))}>
            {connectionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindInfo[kind].label}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field label="Base URL" htmlFor="connection-base-url" hint={info.defaultBaseUrl ? `Default: ${info.defaultBaseUrl}` : "The server's OpenAI-compatible endpoint, e.g. http://127.0.0.1:8787/v1"} issues={at("baseUrl")}>
        <Input id="connection-base-url" data-testid="connection-base-url" className="font-mono" autoComplete="off" value={draft.baseUrl} placeholder={info.defaultBaseUrl ?? "http://127.0.0.1:8787/v1"} aria-invalid={invalid("baseUrl")} onChange={(event) => set({ baseUrl: event.target.value })} />
      </Field>
      <Field label="API key" htmlFor="connection-api-key" hint={keyHint} issues={at("apiKey")}>
        {/* new-password: browsers must not offer to fill in a saved login password here. */}
        <Input id="connection-api-key" data-testid="connection-api-key" type="password" autoComplete="new-password" spellCheck={false} className="font-mono" placeholder={keyPlaceholder} value={draft.apiKey} disabled={draft.clearApiKey} aria-invalid={invalid("apiKey")} onChange={(event) => set({ apiKey: event.target.value })} />
      </Field>
      {connection?.apiKey.set ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" data-testid="connection-clear-key" checked={draft.clearApiKey} onChange={(event) => set({ clearApiKey: event.target.checked, apiKey: "" })} />
          Remove the stored key
        </label>
      ) : null}
      <Field label="Key environment variable" htmlFor="connection-api-key-env" hint="Optional instead of a stored key: the NAME of a server environment variable holding it." issues={at("apiKeyEnv")}>
        <Input id="connection-api-key-env" data-testid="connection-api-key-env" className="font-mono" autoComplete="off" placeholder="OPENAI_API_KEY" value={draft.apiKeyEnv} aria-invalid={invalid("apiKeyEnv")} onChange={(event) => set({ apiKeyEnv: event.target.value })} />
      </Field>
      <fieldset className="grid gap-2">
        <legend className="mb-1.5 text-sm font-medium">Limits</legend>
        <p className="-mt-1 text-xs text-muted-foreground">Optional. Shared by every worker; leave empty when unknown and datafast backs off on 429s.</p>
        <div className="grid grid-cols-2 items-start gap-3 sm:grid-cols-4">
          {(
            [
              ["rpm", "Requests / min"],
              ["tpm", "Tokens / min"],
              ["rpd", "Requests / day"],
              ["maxConcurrency", "Concurrency"],
            ] as const
          ).map(([field, label]) => (
            <Field key={field} label={label} htmlFor={`connection-${field}`} issues={at(field)}>
              <Input id={`connection-${field}`} data-testid={field === "maxConcurrency" ? "connection-concurrency" : `connection-${field}`} type="number" inputMode="numeric" min={1} value={draft[field]} aria-invalid={invalid(field)} onChange={(event) => set({ [field]: event.target.value })} />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <div className="flex items-center gap-3">
            <Switch id="connection-structured-outputs" data-testid="connection-structured-outputs" checked={draft.structuredOutputs} onCheckedChange={(checked) => set({ structuredOutputs: checked })} />
            <Label htmlFor="connection-structured-outputs">Structured outputs</Label>
          </div>
          <p className="text-xs text-muted-foreground">Ask the provider for JSON matching the schema natively. Turn off for servers that reject it: answers are then validated and repaired.</p>
        </div>
        <Field label="Timeout (ms)" htmlFor="connection-timeout" hint="Per call; empty = the server default" issues={at("timeoutMs")}>
          <Input id="connection-timeout" data-testid="connection-timeout" type="number" inputMode="numeric" min={1000} step={1000} placeholder="120000" value={draft.timeoutMs} aria-invalid={invalid("timeoutMs")} onChange={(event) => set({ timeoutMs: event.target.value })} />
        </Field>
      </div>
      <FormFooter testIdPrefix="connection" general={general} pending={pending} editing={Boolean(connection)} onCancel={onDone} />
    </form>
  );
}
