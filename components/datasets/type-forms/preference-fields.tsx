"use client";

import { evolStrategies, type EvolStrategy } from "@/lib/dataset-types/preference";
import { Input } from "@/components/ui/input";
import { Field, issuesAt } from "../form-issues";
import { FormSection } from "../section";
import { Checkbox } from "./checkbox";
import { DocumentsOrTopics } from "./documents-or-topics";
import { text, type TypeFieldsProps } from "./props";

type Evol = { rounds?: number | string; strategies?: EvolStrategy[] };
type Judge = { enabled?: boolean; model?: unknown };

export function PreferenceFields(props: TypeFieldsProps) {
  const { fields, onChange, issues } = props;
  const evol = (fields.evolInstruct ?? {}) as Evol;
  const judge = (fields.judge ?? {}) as Judge;
  const strategies = evol.strategies ?? [...evolStrategies];
  const setEvol = (patch: Evol) => onChange({ evolInstruct: { ...evol, ...patch } });
  return (
    <>
      <FormSection title="Instructions" description="Instructions come from topics or from your documents; each gets a chosen and a rejected response.">
        <DocumentsOrTopics {...props} />
      </FormSection>
      <FormSection title="EvolInstruct and judge" description="Rounds rewrite every instruction with a strategy drawn per round; the judge scores both responses and swaps them if the rejected one wins.">
        <div className="grid gap-4">
          <Field label="Evolution rounds" htmlFor="evol-rounds" hint="0 keeps the instructions as generated (0–5)." issues={issuesAt(issues, "evolInstruct.rounds")}>
            <Input id="evol-rounds" data-testid="evol-rounds" inputMode="numeric" className="w-24" value={text(evol.rounds ?? 0)} onChange={(event) => setEvol({ rounds: event.target.value })} />
          </Field>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Strategies</legend>
            <div className="flex flex-wrap gap-4">
              {evolStrategies.map((strategy) => (
                <Checkbox
                  key={strategy}
                  id={`evol-${strategy}`}
                  label={strategy}
                  checked={strategies.includes(strategy)}
                  onChange={(checked) => setEvol({ strategies: checked ? [...strategies, strategy] : strategies.filter((s) => s !== strategy) })}
                />
              ))}
            </div>
            <p className="text-xs text-destructive">{issuesAt(issues, "evolInstruct.strategies").join(" ")}</p>
          </fieldset>
          <Checkbox
            id="judge-enabled"
            label="Judge the pairs"
            hint={judge.model ? "With the judge model of the design file." : "The item's own model judges (set judge.model in the design file for another one)."}
            checked={judge.enabled ?? false}
            onChange={(enabled) => onChange({ judge: { ...judge, enabled } })}
          />
          <p className="text-xs text-muted-foreground">
            {fields.rejectedModel ? "Rejected responses come from the rejected model of the design file." : "Without a rejected model, the same model is asked for a deliberately weaker answer (set rejectedModel in the design file to use another)."}
          </p>
        </div>
      </FormSection>
    </>
  );
}
