// A judge scores two responses to one instruction. Response order is not a
// signal: the judge sees them as A and B in an order drawn from the item's seed.
import { z } from "zod";
import type { ModelRef } from "@/server/llm/model-ref";
import { SYSTEM_PROMPT, type Steps } from "./engine";
import { cached, nonEmpty } from "./lists";

const verdict = z.object({ score: z.number().int().min(1).max(10), assessment: nonEmpty("assessment") });
const judgeSchema = cached("judge:pair", () => z.object({ a: verdict, b: verdict }));

export type PairScores = { chosen: { score: number; assessment: string }; rejected: { score: number; assessment: string } };

export async function judgePair(steps: Steps, options: { instruction: string; chosen: string; rejected: string; chosenFirst: boolean; model?: ModelRef; languageName: string }): Promise<PairScores> {
  const [a, b] = options.chosenFirst ? [options.chosen, options.rejected] : [options.rejected, options.chosen];
  const { output } = await steps.call({
    step: "judge",
    system: SYSTEM_PROMPT,
    model: options.model,
    prompt: `Judge two responses to the same instruction for helpfulness, accuracy and completeness. Score each from 1 (useless) to 10 (excellent) and explain each score in one or two sentences, in ${options.languageName}.\n\nInstruction:\n${options.instruction}\n\nResponse A:\n${a}\n\nResponse B:\n${b}`,
    schema: judgeSchema,
  });
  return options.chosenFirst ? { chosen: output.a, rejected: output.b } : { chosen: output.b, rejected: output.a };
}

const checkSchema = cached("judge:check", () => z.object({ correct: z.boolean(), explanation: nonEmpty("explanation") }));

export async function verifyAnswer(steps: Steps, options: { problem: string; answer: string; model?: ModelRef; languageName: string }) {
  const { output } = await steps.call({
    step: "verify",
    system: SYSTEM_PROMPT,
    model: options.model,
    prompt: `Check whether this answer to the problem is correct. Solve the problem yourself first, then compare. Explain in one or two sentences, in ${options.languageName}.\n\nProblem:\n${options.problem}\n\nAnswer:\n${options.answer}`,
    schema: checkSchema,
  });
  return output;
}
