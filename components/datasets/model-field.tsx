"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/lib/trpc/client";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ModelDraft } from "./design-draft";
import { Field, issuesAt, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";

type Props = { model: ModelDraft; onChange: (model: ModelDraft) => void; issues: readonly FieldIssue[] };

const at = (field: string) => `models.0.${field}`;

export function ModelField({ model, onChange, issues }: Props) {
  const trpc = useTRPC();
  const connections = useQuery(trpc.connections.list.queryOptions());
  const stored = (connections.data ?? []).filter((connection) => !connection.implicit);
  const set = (patch: Partial<ModelDraft>) => onChange({ ...model, ...patch });
  const general = issues.filter((issue) => issue.path === "models" || issue.path === "models.0").map((issue) => issue.message);
  const chosen = stored.find((connection) => connection.name === model.connection);
  return (
    <FormSection title="Model" description="A stored provider connection (Settings → Connections), or any server that speaks the OpenAI chat completions API. The bundled mock runs with npm run mock-llm.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Connection" htmlFor="model-connection" issues={[...issuesAt(issues, at("connection")), ...(model.connection ? general : [])]}>
          <NativeSelect id="model-connection" data-testid="model-connection" value={model.connection} onChange={(event) => set({ connection: event.target.value })}>
            <option value="">Inline OpenAI-compatible endpoint</option>
            {stored.map((connection) => (
              <option key={connection.id} value={connection.name}>
                {connection.name} ({connection.kind.replace("_", "-")})
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Model id" htmlFor="model-id" issues={issuesAt(issues, at("model"))}>
          <Input id="model-id" data-testid="model-id" className="font-mono" value={model.model} onChange={(event) => set({ model: event.target.value })} />
        </Field>
        {model.connection ? (
          <p className="text-xs text-muted-foreground sm:col-span-2" data-testid="model-connection-note">
            Endpoint, API key and limits come from the connection{chosen?.baseUrl ? ` (${chosen.baseUrl})` : ""}. Change them under{" "}
            <Link href="/settings/connections" className="underline underline-offset-2">Settings → Connections</Link>.
          </p>
        ) : (
          <>
            <Field label="Base URL" htmlFor="model-base-url" issues={[...issuesAt(issues, at("baseURL")), ...issuesAt(issues, at("provider")), ...general]}>
              <Input id="model-base-url" data-testid="model-base-url" className="font-mono" value={model.baseURL} onChange={(event) => set({ baseURL: event.target.value })} />
            </Field>
            <Field label="API key environment variable" htmlFor="model-api-key-env" hint="Optional. The NAME of a server environment variable holding the key, never the key itself." issues={issuesAt(issues, at("apiKeyEnv"))}>
              <Input id="model-api-key-env" data-testid="model-api-key-env" className="font-mono" placeholder="OPENAI_API_KEY" autoComplete="off" value={model.apiKeyEnv} onChange={(event) => set({ apiKeyEnv: event.target.value })} />
            </Field>
            <div className="grid grid-cols-2 gap-4 sm:col-span-2 sm:max-w-md">
              <Field label="Requests / minute" htmlFor="model-rpm" hint="Optional" issues={issuesAt(issues, at("limits.rpm"))}>
                <Input id="model-rpm" data-testid="model-rpm" type="number" inputMode="numeric" min={1} value={model.rpm} onChange={(event) => set({ rpm: event.target.value })} />
              </Field>
              <Field label="Concurrency" htmlFor="model-concurrency" hint="Optional" issues={issuesAt(issues, at("limits.concurrency"))}>
                <Input id="model-concurrency" data-testid="model-concurrency" type="number" inputMode="numeric" min={1} value={model.concurrency} onChange={(event) => set({ concurrency: event.target.value })} />
              </Field>
            </div>
          </>
        )}
      </div>
    </FormSection>
  );
}
