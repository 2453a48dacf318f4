"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Eye, Loader2, Save } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { datasetTypes } from "@/lib/dataset-types";
import { permissiveBuiltins } from "@/lib/designs/design-base";
import { datasetDesignSchema, datasetTypeNames, type DatasetTypeName } from "@/lib/designs/design-schema";
import { inlineColumns } from "@/lib/designs/types/transform";
import { formatIssues } from "@/lib/designs/format-issues";
import { isValidVariableName, validateTemplates } from "@/lib/prompts";
import { useTRPC } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { draftVariables, fromDesign, initialDraft, splitList, starterDraft, toDesign, type DesignDraft } from "./design-draft";
import { DesignFileActions } from "./design-file/design-file-actions";
import { Field, FormIssues, issuesAt, type FieldIssue } from "./form-issues";
import { LabelsField } from "./labels-field";
import { LanguagesField } from "./languages-field";
import { ModelField } from "./model-field";
import { summarizeDraftPlan } from "./plan";
import { EstimatePanel } from "./estimate-panel";
import { classificationView, PlannedPanel } from "./planned-panel";
import { PreviewPanel } from "./preview-panel";
import { ServerPlannedPanel } from "./server-planned-panel";
import { MultiLabelField } from "./type-forms/classification-fields";
import { TypeFieldsEditor } from "./type-forms";
import { FormSection } from "./section";
import { TemplatesField } from "./templates-field";
import { usePreview } from "./use-preview";
import { VariablesField } from "./variables-field";

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
  const [keepPreview, setKeepPreview] = useState(true);

  const design = useMemo(() => toDesign(draft), [draft]);
  const designKey = useMemo(() => JSON.stringify(design), [design]);
  const plan = useMemo(() => summarizeDraftPlan(draft), [draft]);
  const variables = useMemo(() => draftVariables(draft.variables), [draft.variables]);
  const languageCount = splitList(draft.languages).length;
  const typeInfo = datasetTypes[draft.type];

  const builtins = useMemo(() => {
    const source = draft.fields.source as { records?: Record<string, unknown>[] } | undefined;
    const columns = draft.type === "transform" && source ? inlineColumns(source) : undefined;
    const known = typeInfo.builtins({ fromDocuments: source !== undefined, columns });
    // A stored source's columns are checked by the server once it is resolved.
    const typed = draft.type === "transform" && !columns ? permissiveBuiltins(draft.templates, known) : known;
    // Mirrors the design schema: with several languages every template must say which one.
    return languageCount > 1 ? typed.map((b) => (b.name === "language" ? { ...b, mandatory: true } : b)) : typed;
  }, [languageCount, typeInfo, draft.type, draft.fields.source, draft.templates]);
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

  const promote = useMutation(trpc.previews.promote.mutationOptions());
  const discard = useMutation(trpc.previews.discard.mutationOptions({ onSuccess: () => preview.clear() }));
  const keptPreviewId = keepPreview && previewedKey === designKey && preview.state.status === "done" ? preview.state.previewId : undefined;

  const create = useMutation(
    trpc.datasets.create.mutationOptions({
      onSuccess: async (dataset) => {
        // The preview was made from exactly this design: its rows join the dataset as a run of their own.
        const promoted = keptPreviewId ? await promote.mutateAsync({ previewId: keptPreviewId, datasetId: dataset.id }).catch(() => undefined) : undefined;
        await queryClient.invalidateQueries(trpc.datasets.list.queryFilter());
        router.push(`/datasets/${dataset.id}${keptPreviewId && !promoted ? "?preview=not-kept" : ""}`);
      },
      onError: (error, variables) => setAnswer({ designKey: JSON.stringify(variables.design), issues: error.data?.issues ?? [], message: error.message }),
    }),
  );

  const update = (patch: Partial<DesignDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const updateFields = (patch: DesignDraft["fields"]) => setDraft((current) => ({ ...current, fields: { ...current.fields, ...patch } }));
  // Another type starts from its starter design, keeping the model the user set up.
  const switchType = (type: DatasetTypeName) => setDraft((current) => ({ ...starterDraft(type), model: current.model }));

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
            <Field label="Type" htmlFor="dataset-type" hint="Switching type starts from its starter design.">
              <select
                id="dataset-type"
                data-testid="dataset-type"
                className="h-9 rounded-md border border-input bg-card px-2 text-sm shadow-xs"
                value={draft.type}
                onChange={(event) => switchType(event.target.value as DatasetTypeName)}
              >
                {datasetTypeNames.map((type) => (
                  <option key={type} value={type}>
                    {datasetTypes[type].title}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </FormSection>
        {draft.type === "classification" ? (
          <LabelsField labels={draft.labels} onChange={(labels) => update({ labels })} issues={issues}>
            <MultiLabelField fields={draft.fields} onChange={updateFields} issues={issues} />
          </LabelsField>
        ) : (
          <TypeFieldsEditor type={draft.type} fields={draft.fields} onChange={updateFields} issues={issues} />
        )}
        <TemplatesField templates={draft.templates} onChange={(templates) => update({ templates })} validation={validation} builtins={builtins} expansionNames={expansionNames} issues={issues} />
        <VariablesField variables={draft.variables} onChange={(next) => update({ variables: next })} diagnostics={validation.variables} issues={issues} />
        <LanguagesField languages={draft.languages} samplesPerPrompt={draft.type === "transform" ? undefined : draft.samplesPerPrompt} onChange={update} issues={issues} />
        <ModelField model={draft.model} onChange={(model) => update({ model })} issues={issues} />
      </div>

      <aside className="grid gap-4 lg:sticky lg:top-20">
        {draft.type === "classification" ? (
          <PlannedPanel plan={classificationView(plan)}>
            <EstimatePanel design={design} preview={preview.state} previewIsCurrent={previewedKey === designKey} />
          </PlannedPanel>
        ) : (
          <ServerPlannedPanel design={design}>
            <EstimatePanel design={design} preview={preview.state} previewIsCurrent={previewedKey === designKey} />
          </ServerPlannedPanel>
        )}
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
        <PreviewPanel
          state={preview.state}
          stale={previewedKey !== designKey}
          keep={{
            keep: keepPreview,
            onKeepChange: setKeepPreview,
            discarding: discard.isPending,
            onDiscard: () => (preview.state.status === "done" ? discard.mutate({ previewId: preview.state.previewId }) : preview.clear()),
          }}
        />
      </aside>
    </form>
  );
}
