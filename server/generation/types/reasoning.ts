// Reasoning: problems from topics or documents → a reasoning model answers,
// keeping the reasoning trace its provider returns (or, when it returns none,
// the reasoning it wrote out) → optional judge verification.
import { z } from "zod";
import { mapLimited, SYSTEM_PROMPT, type TypeEngine } from "./engine";
import { documentOrTopicCells, origin } from "./documents";
import { verifyAnswer } from "./judge";
import { cached, nonEmpty, stringList } from "./lists";

const solutionSchema = cached("reasoning:solution", () => z.object({ reasoning: nonEmpty("reasoning"), answer: nonEmpty("answer") }));
const PARALLEL_PROBLEMS = 4;

export const reasoningEngine: TypeEngine<"reasoning"> = {
  type: "reasoning",
  cells: (design, context) => documentOrTopicCells(design, context.documents),
  settings: (design) => ({ judge: design.judge?.enabled ?? false }),
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem: ({ samples, settings }) => 1 + samples * (settings.judge ? 2 : 1),
  async run(input, steps) {
    const { output } = await steps.call({ step: "problems", system: SYSTEM_PROMPT, prompt: input.prompt, schema: stringList("problems", input.samples) });
    const solved = await mapLimited(output.problems, PARALLEL_PROBLEMS, async (problem) => {
      const solution = await steps.call({
        step: "solve",
        system: `Solve the problem. Think it through step by step, then give the final answer. Write in ${input.languageName}. Answer only with the requested JSON.`,
        prompt: problem,
        schema: solutionSchema,
      });
      const trace = solution.reasoningText?.trim();
      const check = input.settings.judge ? await verifyAnswer(steps, { problem, answer: solution.output.answer, model: input.roles.judge, languageName: input.languageName }) : null;
      return {
        instruction: problem,
        reasoning: trace || solution.output.reasoning,
        answer: solution.output.answer,
        reasoning_source: trace ? "provider" : "response",
        verified: check?.correct ?? null,
        verification: check?.explanation ?? null,
      };
    });
    return solved.map((row) => ({ data: { ...row, ...origin(input.cell), language: input.language }, text: row.instruction, labels: [] }));
  },
};
