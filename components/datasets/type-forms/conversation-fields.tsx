"use client";

import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Field, issuesAt } from "../form-issues";
import { FormSection } from "../section";
import { ListField } from "./list-field";
import { strings, text, type TypeFieldsProps } from "./props";

type Topic = { name: string; subtopics: string[] };

/** "cards: lost card, card declined abroad" per line; a line without a colon is a topic without subtopics. */
export function parseTopicLines(raw: string): Topic[] {
  return raw
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      if (colon === -1) return { name: line.trim(), subtopics: [] };
      return { name: line.slice(0, colon).trim(), subtopics: line.slice(colon + 1).split(",").map((s) => s.trim()).filter((s) => s !== "") };
    });
}

export function topicLines(topics: unknown): string {
  if (!Array.isArray(topics)) return "";
  return (topics as Topic[]).map((topic) => (topic.subtopics?.length ? `${topic.name}: ${topic.subtopics.join(", ")}` : topic.name)).join("\n");
}

export function ConversationFields({ fields, onChange, issues }: TypeFieldsProps) {
  return (
    <FormSection title="Conversations" description="Each topic (× subtopic) × persona gets its own conversations. After each answer a seeded coin decides whether the user follows up.">
      <div className="grid gap-4">
        <Field label="Domain" htmlFor="domain" hint="What the assistant is for: {{domain}}." issues={issuesAt(issues, "domain")}>
          <Input id="domain" data-testid="domain" value={text(fields.domain)} onChange={(event) => onChange({ domain: event.target.value })} placeholder="customer support for an online bank" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Topics and subtopics" htmlFor="conversation-topics" hint='One topic per line, subtopics after a colon: "cards: lost card, card declined abroad".' issues={issuesAt(issues, "topics")}>
            <Textarea id="conversation-topics" data-testid="conversation-topics" rows={5} defaultValue={topicLines(fields.topics)} onChange={(event) => onChange({ topics: parseTopicLines(event.target.value) })} />
          </Field>
          <ListField id="personas" label="Personas" hint="Who the user is, one per line: {{persona}}." values={strings(fields.personas)} onChange={(personas) => onChange({ personas })} issues={issuesAt(issues, "personas")} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Max turns" htmlFor="max-turns" hint="User turns at most, the opening one included (1–10)." issues={issuesAt(issues, "maxTurns")}>
            <Input id="max-turns" data-testid="max-turns" inputMode="numeric" value={text(fields.maxTurns)} onChange={(event) => onChange({ maxTurns: event.target.value })} />
          </Field>
          <Field label="Continuation probability" htmlFor="continuation" hint="Chance of a follow-up after each answer (0–1)." issues={issuesAt(issues, "continuationProbability")}>
            <Input id="continuation" data-testid="continuation-probability" inputMode="decimal" value={text(fields.continuationProbability)} onChange={(event) => onChange({ continuationProbability: event.target.value })} />
          </Field>
        </div>
      </div>
    </FormSection>
  );
}
