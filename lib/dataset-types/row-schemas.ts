// What a stored row of each dataset type holds in its `data`, as exported.
// Review, export and the tests read rows through these.
import { z } from "zod";
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { DISTRACTOR_COUNT, normalizeChoice } from "./mcq";
import { evolStrategies } from "./preference";

const text = z.string().min(1);
const origin = { topic: z.string().optional(), source: z.string().optional() };

export const rowSchemas = {
  classification: z.object({ text, label: text, labels: z.array(text).min(1).optional(), language: text }),
  text: z.object({ text, document_type: text, topic: text, language: text }),
  conversation: z.object({
    messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: text })).min(2),
    persona: text,
    topic: text,
    subtopic: z.string(),
    language: text,
  }),
  mcq: z
    .object({ instruction: text, answer: text, distractors: z.array(text).length(DISTRACTOR_COUNT), source: text, language: text })
    // The invariant generation checks; a reviewer's edit must keep it too.
    .superRefine((row, ctx) => {
      const seen = new Set([normalizeChoice(row.answer)]);
      row.distractors.forEach((distractor, index) => {
        const key = normalizeChoice(distractor);
        if (key === normalizeChoice(row.answer)) ctx.addIssue({ code: "custom", path: ["distractors", index], message: `distractor ${index + 1} is the same as the answer; a distractor must be a wrong answer` });
        else if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["distractors", index], message: `distractor ${index + 1} repeats another distractor; each must be different` });
        seen.add(key);
      });
    }),
  preference: z.object({
    instruction: text,
    chosen: text,
    rejected: text,
    models: z.object({ chosen: text, rejected: text }),
    scores: z.object({ chosen: z.number(), rejected: z.number() }).nullable(),
    assessments: z.object({ chosen: text, rejected: text }).nullable(),
    swapped: z.boolean(),
    evolution: z.array(z.enum(evolStrategies)),
    ...origin,
    language: text,
  }),
  reasoning: z.object({
    instruction: text,
    reasoning: text,
    answer: text,
    reasoning_source: z.enum(["provider", "response"]),
    verified: z.boolean().nullable(),
    verification: z.string().nullable(),
    ...origin,
    language: text,
  }),
  /** Input columns plus the design's output fields: checked against the design, not here. */
  transform: z.record(z.string(), z.unknown()),
} satisfies Record<DatasetTypeName, z.ZodType>;
