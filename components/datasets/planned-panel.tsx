import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/components/format";
import type { PlanSummary } from "./plan";

export type PlanFactor = { name: string; value: number | null; testId: string };
/** What the panel shows: rows, and the factors whose product they are. */
export type PlannedView = { rows: number | null; factors: PlanFactor[]; capped: boolean; prompts: number; uncappedPrompts: number };

export function classificationView(plan: PlanSummary): PlannedView {
  return {
    rows: plan.rows, capped: plan.capped, prompts: plan.prompts, uncappedPrompts: plan.uncappedPrompts,
    factors: [
      { name: "prompts", value: plan.prompts, testId: "planned-prompts" },
      { name: "labels", value: plan.labels, testId: "planned-labels" },
      { name: "languages", value: plan.languages, testId: "planned-languages" },
      { name: "models", value: plan.models, testId: "planned-models" },
      { name: "samples per prompt", value: plan.samplesPerPrompt, testId: "planned-samples" },
    ],
  };
}

const factorNames: Record<string, string> = { rowsPerItem: "rows per work item", prompts: "prompts", languages: "languages", models: "models" };

/** The server planner's factors, in its order (prompts, the type's own, languages, models, rows per item). */
export function serverView(plan: { plannedRows: number; factors: Record<string, number>; capped: boolean; uncappedPrompts: number }): PlannedView {
  return {
    rows: plan.plannedRows, capped: plan.capped, prompts: plan.factors.prompts ?? 0, uncappedPrompts: plan.uncappedPrompts,
    factors: Object.entries(plan.factors).map(([name, value]) => ({ name: factorNames[name] ?? name, value, testId: `planned-${name.replace(/\W+/g, "-").toLowerCase()}` })),
  };
}

export function PlannedPanel({ plan, children }: { plan: PlannedView; children?: ReactNode }) {
  const { factors } = plan;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-sm font-medium text-muted-foreground">Planned</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 pt-2">
        <p className="flex items-baseline gap-2">
          <span data-testid="planned-rows" className="text-3xl font-semibold tabular-nums tracking-tight">
            {plan.rows === null ? "—" : formatCount(plan.rows)}
          </span>
          <span className="text-sm text-muted-foreground">rows</span>
        </p>
        <dl className="grid gap-1.5 text-sm">
          {factors.map((factor, index) => (
            <div key={factor.name} className="flex items-center justify-between gap-3">
              <dt className="text-muted-foreground">
                <span className="inline-block w-4 text-muted-foreground/60">{index === 0 ? "" : "×"}</span>
                {factor.name}
              </dt>
              <dd data-testid={factor.testId} className="font-medium tabular-nums">
                {factor.value === null ? "—" : formatCount(factor.value)}
              </dd>
            </div>
          ))}
        </dl>
        {plan.capped ? (
          <p className="rounded-md bg-warning/10 px-3 py-2 text-xs text-[oklch(0.45_0.1_70)]">
            The templates and variables allow {formatCount(plan.uncappedPrompts)} prompts; only the first {formatCount(plan.prompts)} are used.
          </p>
        ) : null}
        {children}
      </CardContent>
    </Card>
  );
}
