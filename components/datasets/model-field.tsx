"use client";

import { Input } from "@/components/ui/input";
import type { ModelDraft } from "./design-draft";
import { Field, issuesAt, type FieldIssue } from "./form-issues";
import { FormSection } from "./section";

type Props = { model: ModelDraft; onChange: (model: ModelDraft) => void; issues: readonly FieldIssue[] };

const at = (field: string) => `models.0.${field}`;

export function ModelField({ model, onChange, issues }: Props) {
  const set = (patch: Partial<ModelDraft>) => onChange({ ...model, ...patch });
  const general = issues.filter((issue) => issue.path === "models" || issue.path === "models.0").map((issue) => issue.message);
  return (
    <FormSection title="Model" description="Any server that speaks the OpenAI chat completions API. The bundled mock runs with npm run mock-llm.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Base URL" htmlFor="model-base-url" issues={[...issuesAt(issues, at("baseURL")), ...issuesAt(issues, at("provider")), ...general]}>
          <Input id="model-base-url" data-testid="model-base-url" className="font-mono" value={model.baseURL} onChange={(event) => set({ baseURL: event.target.value })} />
        </Field>
        <Field label="Model id" htmlFor="model-id" issues={issuesAt(issues, at("model"))}>
          <Input id="model-id" data-testid="model-id" className="font-mono" value={model.model} onChange={(event) => set({ model: event.target.value })} />
        </Field>
        <Field label="API key environment variable" htmlFor="model-api-key-env" hint="Optional. The NAME of a server environment variable holding the key, never the key itself." issues={issuesAt(issues, at("apiKeyEnv"))}>
          <Input id="model-api-key-env" data-testid="model-api-key-env" className="font-mono" placeholder="OPENAI_API_KEY" autoComplete="off" value={model.apiKeyEnv} onChange={(event) => set({ apiKeyEnv: event.target.value })} />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field label="Requests / minute" htmlFor="model-rpm" hint="Optional" issues={issuesAt(issues, at("limits.rpm"))}>
            <Input id="model-rpm" data-testid="model-rpm" type="number" inputMode="numeric" min={1} value={model.rpm} onChange={(event) => set({ rpm: event.target.value })} />
          </Field>
          <Field label="Concurrency" htmlFor="model-concurrency" hint="Optional" issues={issuesAt(issues, at("limits.concurrency"))}>
            <Input id="model-concurrency" data-testid="model-concurrency" type="number" inputMode="numeric" min={1} value={model.concurrency} onChange={(event) => set({ concurrency: event.target.value })} />
          </Field>
        </div>
      </div>
    </FormSection>
  );
}
