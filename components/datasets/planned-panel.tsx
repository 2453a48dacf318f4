import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCount } from "@/components/format";
import type { PlanSummary } from "./plan";

export function PlannedPanel({ plan, children }: { plan: PlanSummary; children?: ReactNode }) {
  const factors: { name: string; value: number | null; testId: string }[] = [
    { name: "prompts", value: plan.prompts, testId: "planned-prompts" },
    { name: "labels", value: plan.labels, testId: "planned-labels" },
    { name: "languages", value: plan.languages, testId: "planned-languages" },
    { name: "models", value: plan.models, testId: "planned-models" },
    { name: "samples per prompt", value: plan.samplesPerPrompt, testId: "planned-samples" },
  ];
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
