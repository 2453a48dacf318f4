// MCQ: question + answer pairs from a document → three distractors per question,
// each distinct from the answer and from the others (checked; an answer that
// breaks it is re-asked with the reason, and never stored).
import { z } from "zod";
import { DISTRACTOR_COUNT, normalizeChoice as normalize } from "@/lib/dataset-types/mcq";
import { SYSTEM_PROMPT, type TypeEngine } from "./engine";
import { documentCells, type DocumentCell } from "./documents";
import { cached, exactly, nonEmpty } from "./lists";

function pairsSchema(count: number) {
  return cached(`mcq:pairs:${count}`, () => z.object({ questions: exactly(z.object({ question: nonEmpty("question"), answer: nonEmpty("answer") }), count, "questions") }));
}

/** Distractors for the given answers: built per item, since the check needs the answers. */
export function distractorsSchema(answers: readonly string[]) {
  return z
    .object({ items: exactly(z.object({ distractors: exactly(nonEmpty("distractor"), DISTRACTOR_COUNT, "distractors") }), answers.length, "items") })
    .superRefine((value, ctx) => {
      value.items.forEach((item, question) => {
        const answer = normalize(answers[question] ?? "");
        const seen = new Set<string>();
        item.distractors.forEach((distractor, index) => {
          const key = normalize(distractor);
          const path = ["items", question, "distractors", index];
          if (key === answer) ctx.addIssue({ code: "custom", path, message: `distractor ${index + 1} of question ${question + 1} repeats the correct answer; write a wrong answer` });
          else if (seen.has(key)) ctx.addIssue({ code: "custom", path, message: `distractor ${index + 1} of question ${question + 1} repeats another distractor; each must be different` });
          seen.add(key);
        });
      });
    });
}

export const mcqEngine: TypeEngine<"mcq"> = {
  type: "mcq",
  cells: (_design, context) => documentCells(context.documents),
  settings: () => ({}),
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem: () => 2,
  async run(input, steps) {
    const { document } = input.cell as DocumentCell;
    const { output } = await steps.call({ step: "questions", system: SYSTEM_PROMPT, prompt: input.prompt, schema: pairsSchema(input.samples) });
    const pairs = output.questions;
    const listed = pairs.map((pair, index) => `${index + 1}. Question: ${pair.question}\n   Correct answer: ${pair.answer}`).join("\n");
    const distractors = await steps.call({
      step: "distractors",
      system: SYSTEM_PROMPT,
      prompt: `Here are multiple-choice questions about a document, each with its correct answer. For each question, in order, write ${DISTRACTOR_COUNT} distractors in ${input.languageName}: wrong answers that a reader who skimmed the document could find plausible. A distractor must not be the correct answer (in other words) and the ${DISTRACTOR_COUNT} must differ from each other.\n\nDocument:\n${document}\n\n${listed}`,
      schema: distractorsSchema(pairs.map((pair) => pair.answer)),
    });
    return pairs.map((pair, index) => ({
      data: { instruction: pair.question, answer: pair.answer, distractors: distractors.output.items[index]!.distractors, source: document, language: input.language },
      text: pair.question,
      labels: [],
    }));
  },
};
