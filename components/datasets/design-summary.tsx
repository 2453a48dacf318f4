import { languageName } from "@/lib/designs/languages";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { classificationView, PlannedPanel } from "./planned-panel";
import { summarizeDesignPlan } from "./plan";
import { ServerPlannedPanel } from "./server-planned-panel";
import { TypeFields } from "./type-fields";

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

export function DesignSummary({ design }: { design: DatasetDesign }) {
  const variables = Object.entries(design.variables);
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <Card>
        <CardHeader>
          <CardTitle>Design</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4" data-testid="design-summary">
            {design.type === "classification" ? (
              <Row term={design.multiLabel ? "Labels (multi-label)" : "Labels"}>
              <ul className="grid gap-1.5">
                {design.labels.map((label) => (
                  <li key={label.name} className="flex flex-wrap items-baseline gap-2">
                    <Badge variant="info">{label.name}</Badge>
                    {label.description ? <span className="text-muted-foreground">{label.description}</span> : null}
                  </li>
                ))}
              </ul>
            </Row>
            ) : (
              <TypeFields design={design} />
            )}
            <Row term={design.templates.length === 1 ? "Template" : "Templates"}>
              <ol className="grid gap-2">
                {design.templates.map((template, index) => (
                  <li key={index} className="rounded-md border bg-muted/40 px-3 py-2 font-mono text-[13px] leading-6 whitespace-pre-wrap">
                    {template}
                  </li>
                ))}
              </ol>
            </Row>
            {variables.length > 0 ? (
              <Row term="Variables">
                <ul className="grid gap-1">
                  {variables.map(([name, values]) => (
                    <li key={name}>
                      <code className="font-mono text-xs">{`{{${name}}}`}</code> <span className="text-muted-foreground">{values.join(", ")}</span>
                    </li>
                  ))}
                </ul>
              </Row>
            ) : null}
            <Row term="Expansion">{design.expansion.mode === "combinatorial" ? `combinatorial, up to ${design.expansion.maxPrompts} prompts` : `random, ${design.expansion.count} prompts (seed ${design.expansion.seed})`}</Row>
            <Row term="Languages">{design.languages.map((code) => `${languageName(code)} (${code})`).join(", ")}</Row>
            <Row term="Samples per prompt">{design.samplesPerPrompt}</Row>
            <Row term={design.models.length === 1 ? "Model" : "Models"}>
              <ul className="grid gap-1">
                {design.models.map((model, index) => (
                  <li key={index} className="font-mono text-xs">
                    {model.model}{" "}
                    <span className="text-muted-foreground">
                      {model.connection ? `via connection ${model.connection}` : `@ ${model.baseURL ?? `${model.provider} default endpoint`}`}
                    </span>
                    {model.limits?.rpm ? <span className="text-muted-foreground"> · {model.limits.rpm} rpm</span> : null}
                    {model.limits?.concurrency ? <span className="text-muted-foreground"> · concurrency {model.limits.concurrency}</span> : null}
                  </li>
                ))}
              </ul>
            </Row>
          </dl>
        </CardContent>
      </Card>
      {design.type === "classification" ? <PlannedPanel plan={classificationView(summarizeDesignPlan(design))} /> : <ServerPlannedPanel design={design} />}
    </div>
  );
}
