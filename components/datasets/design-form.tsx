"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Eye, Loader2, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { datasetTypes } from "@/lib/dataset-types";
import { datasetDesignSchema } from "@/lib/designs/design-schema";
import { formatIssues } from "@/lib/designs/format-issues";
import { isValidVariableName, validateTemplates } from "@/lib/prompts";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { draftVariables, fromDesign, initialDraft, splitList, toDesign, type DesignDraft } from "./design-draft";
import { DesignFileActions } from "./design-file/design-file-actions";
import { Field, FormIssues, issuesAt, type FieldIssue } from "./form-issues";
import { LabelsField } from "./labels-field";
import { LanguagesField } from "./languages-field";
import { ModelField } from "./model-field";
import { summarizeDraftPlan } from "./plan";
import { EstimatePanel } from "./estimate-panel";
import { PlannedPanel } from "./planned-panel";
import { PreviewPanel } from "./preview-panel";
import { FormSection } from "./section";
import { TemplatesField } from "./templates-field";
import { usePreview } from "./use-preview";
import { VariablesField } from "./variables-field";

const typeInfo = datasetTypes.classification;

/** What the server said about one exact design; it stops applying once the design changes. */
type ServerAnswer = { designKey: string; issues: FieldIssue[]; message?: string };

export function DesignForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DesignDraft>(initialDraft);
  const [attempted, setAttempted] = useState(false);
  const [answer, setAnswer] = useState<ServerAnswer | null>(null);
  const [previewedKey, setPreviewedKey] = useState<string | null>(null);
  const preview = usePreview();

  const design = useMemo(() => toDesign(draft), [draft]);
  const designKey = useMemo(() => JSON.stringify(design), [design]);
  const plan = useMemo(() => summarizeDraftPlan(draft), [draft]);
  const variables = useMemo(() => draftVariables(draft.variables), [draft.variables]);
  const languageCount = splitList(draft.languages).length;

  const builtins = useMemo(
    // Mirrors the design schema: with several languages every template must say which one.
    () => (languageCount > 1 ? typeInfo.builtins.map((b) => (b.name === "language" ? { ...b, mandatory: true } : b)) : typeInfo.builtins),
    [languageCount],
  );
  const validation = useMemo(() => validateTemplates({ templates: draft.templates, builtins, variables, typeName: typeInfo.type }), [draft.templates, builtins, variables]);
  const expansionNames = Object.keys(variables).filter((name) => isValidVariableName(name) && !builtins.some((b) => b.name === name));

  // After a first attempt, problems update as the user types (same schema as
  // the server); the server's answer is kept while the design is unchanged.
  const issues = useMemo(() => {
    const live = attempted ? datasetDesignSchema.safeParse(design) : null;
    const fromServer = answer?.designKey === designKey ? answer.issues : [];
    const all = [...fromServer, ...(live && !live.success ? formatIssues(live.error) : [])];
    return all.filter((issue, index) => all.findIndex((other) => other.path === issue.path && other.message === issue.message) === index);
  }, [attempted, design, designKey, answer]);
  const serverMessage = answer?.designKey === designKey ? answer.message : undefined;

  const create = useMutation(
    trpc.datasets.create.mutationOptions({
      onSuccess: async (dataset) => {
        await queryClient.invalidateQueries(trpc.datasets.list.queryFilter());
        router.push(`/datasets/${dataset.id}`);
      },
      onError: (error, variables) => setAnswer({ designKey: JSON.stringify(variables.design), issues: error.data?.issues ?? [], message: error.message }),
    }),
  );

  const update = (patch: Partial<DesignDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function save() {
    setAttempted(true);
    setAnswer(null);
    create.mutate({ design });
  }

  async function runPreview() {
    setAttempted(true);
    setAnswer(null);
    setPreviewedKey(designKey);
    const previewIssues = await preview.start(design);
    if (previewIssues.length > 0) setAnswer({ designKey, issues: previewIssues });
  }

  const previewing = preview.state.status === "streaming";

  return (
    <form
      noValidate
      className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="grid gap-6">
        <FormSection
          title="Dataset"
          description={typeInfo.description}
          action={
            <DesignFileActions
              design={design}
              onImport={(imported) => {
                const next = fromDesign(imported);
                setDraft(next);
                return toDesign(next);
              }}
            />
          }
        >
          <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <Field label="Name" htmlFor="dataset-name" issues={issuesAt(issues, "name")}>
              <Input id="dataset-name" data-testid="dataset-name" value={draft.name} aria-invalid={issuesAt(issues, "name").length > 0 || undefined} onChange={(event) => update({ name: event.target.value })} />
            </Field>
            <Field label="Type" htmlFor="dataset-type" hint="More dataset types are coming.">
              <Input id="dataset-type" data-testid="dataset-type" value={typeInfo.title} readOnly disabled />
            </Field>
          </div>
        </FormSection>
        <LabelsField labels={draft.labels} onChange={(labels) => update({ labels })} issues={issues} />
        <TemplatesField templates={draft.templates} onChange={(templates) => update({ templates })} validation={validation} builtins={builtins} expansionNames={expansionNames} issues={issues} />
        <VariablesField variables={draft.variables} onChange={(next) => update({ variables: next })} diagnostics={validation.variables} issues={issues} />
        <LanguagesField languages={draft.languages} samplesPerPrompt={draft.samplesPerPrompt} onChange={update} issues={issues} />
        <ModelField model={draft.model} onChange={(model) => update({ model })} issues={issues} />
      </div>

      <aside className="grid gap-4 lg:sticky lg:top-20">
        <PlannedPanel plan={plan}>
          <EstimatePanel design={design} preview={preview.state} previewIsCurrent={previewedKey === designKey} />
        </PlannedPanel>
        <div className="grid grid-cols-2 gap-2">
          <Button variant="outline" data-testid="preview-button" disabled={previewing} onClick={() => void runPreview()}>
            {previewing ? <Loader2 className="animate-spin" aria-hidden /> : <Eye aria-hidden />}
            Preview 3 rows
          </Button>
          <Button type="submit" data-testid="save-dataset" disabled={create.isPending}>
            {create.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Save aria-hidden />}
            Save
          </Button>
        </div>
        <FormIssues issues={issues} message={serverMessage} />
        <PreviewPanel state={preview.state} stale={previewedKey !== designKey} />
      </aside>
    </form>
  );
}
