"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Loader2, Save } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";
import { connectionKinds, createConnectionSchema, kindInfo, updateConnectionSchema, type ConnectionKind } from "@/lib/connections/schema";
import { useTRPC } from "@/lib/trpc/client";
import { Field, issuesAt, type FieldIssue } from "@/components/datasets/form-issues";
import { ErrorNotice } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { changeKind, draftFromConnection, draftToInput, emptyDraft, type Connection, type ConnectionDraft } from "./connection-draft";
import { issuesFromServer, issuesFromZod } from "./form-issues";
import { Switch } from "./switch";

const selectClass =
  "flex h-9 w-full rounded-md border border-input bg-card px-3 py-1 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/30 aria-invalid:border-destructive";

const fieldPaths = new Set(["name", "kind", "baseUrl", "apiKey", "apiKeyEnv", "rpm", "tpm", "rpd", "maxConcurrency", "timeoutMs"]);

/** Create (no `connection`) or edit one connection. */
export function ConnectionForm({ connection, onDone }: { connection?: Connection; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConnectionDraft>(() => (connection ? draftFromConnection(connection) : emptyDraft()));
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ issues: FieldIssue[]; message?: string } | null>(null);

  const input = useMemo(() => draftToInput(draft), [draft]);
  const parsed = useMemo(() => (connection ? updateConnectionSchema.safeParse({ ...input, id: connection.id }) : createConnectionSchema.safeParse(input)), [connection, input]);
  // Live once the user has tried to save, so a message disappears as soon as it is fixed.
  const issues = [...(attempted && !parsed.success ? issuesFromZod(parsed.error) : []), ...(server?.issues ?? [])];
  const at = (path: string) => issuesAt(issues, path);
  const invalid = (path: string) => at(path).length > 0 || undefined;
  // Anything not shown beside a field (e.g. a problem with the request itself) is listed under the form.
  const general = issues.filter((issue) => !fieldPaths.has(issue.path));

  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries(trpc.connections.list.queryFilter());
      onDone();
    },
    onError: (error: { message: string; data?: Parameters<typeof issuesFromServer>[0] }) => {
      const fieldIssues = issuesFromServer(error.data);
      setServer({ issues: fieldIssues, message: fieldIssues.length > 0 ? undefined : error.message });
    },
  };
  const create = useMutation(trpc.connections.create.mutationOptions(options));
  const update = useMutation(trpc.connections.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;

  // The server's verdict was about the draft as sent; any edit may fix it.
  const change = (next: (current: ConnectionDraft) => ConnectionDraft) => {
    setDraft(next);
    setServer(null);
  };
  const set = (patch: Partial<ConnectionDraft>) => change((current) => ({ ...current, ...patch }));
  const info = kindInfo[draft.kind];

  function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setServer(null);
    if (!parsed.success) return;
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
          <select id="connection-kind" data-testid="connection-kind" className={selectClass} value={draft.kind} onChange={(event) => change((current) => changeKind(current, event.target.value as ConnectionKind))}>
            {connectionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindInfo[kind].label}
              </option>
            ))}
          </select>
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
      {general.length > 0 || server?.message ? (
        <div data-testid="connection-form-error">
          <ErrorNotice title="Could not save the connection" message={[server?.message, ...general.map((issue) => `${issue.path || "input"}: ${issue.message}`)].filter(Boolean).join("\n")} />
        </div>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" data-testid="connection-save" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
          {connection ? "Save changes" : "Add connection"}
        </Button>
      </div>
    </form>
  );
}
