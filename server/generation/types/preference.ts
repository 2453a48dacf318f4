// Preference: instructions → optional EvolInstruct rounds → a chosen response →
// a rejected response (another model, or the same one asked for a weaker
// answer) → optional judge scores, swapping the pair when the rejected one wins.
import { z } from "zod";
import type { EvolStrategy } from "@/lib/dataset-types/preference";
import { mapLimited, SYSTEM_PROMPT, type ItemInput, type Steps, type TypeEngine } from "./engine";
import { documentOrTopicCells, origin } from "./documents";
import { evolutionPlan, evolve } from "./evol-instruct";
import { judgePair } from "./judge";
import { cached, nonEmpty, stringList } from "./lists";

type Settings = { evolRounds: number; evolStrategies: EvolStrategy[]; judge: boolean };

const responseSchema = cached("preference:response", () => z.object({ response: nonEmpty("response") }));
const PARALLEL_INSTRUCTIONS = 4;

async function respond(input: ItemInput, steps: Steps, instruction: string, index: number) {
  const settings = input.settings as Settings;
  const answer = `Answer the user's instruction as helpfully, accurately and completely as you can, in ${input.languageName}.\n\n${instruction}`;
  const chosen = await steps.call({ step: "chosen", system: SYSTEM_PROMPT, prompt: answer, schema: responseSchema });
  const rejectedModel = input.roles.rejected ?? input.model;
  const rejected = await steps.call({
    step: "rejected",
    system: SYSTEM_PROMPT,
    model: input.roles.rejected,
    prompt: input.roles.rejected
      ? answer
      : `Write a plausible but noticeably weaker answer to the user's instruction, in ${input.languageName}: less accurate, less complete or less helpful than a good answer, without saying so.\n\n${instruction}`,
    schema: responseSchema,
  });
  let pair = { chosen: chosen.output.response, rejected: rejected.output.response };
  let models = { chosen: input.model.model, rejected: rejectedModel.model };
  let scores = null;
  let assessments = null;
  let swapped = false;
  if (settings.judge) {
    const verdict = await judgePair(steps, { instruction, ...pair, chosenFirst: ((input.seed >>> index) & 1) === 0, model: input.roles.judge, languageName: input.languageName });
    if (verdict.rejected.score > verdict.chosen.score) {
      swapped = true;
      pair = { chosen: pair.rejected, rejected: pair.chosen };
      models = { chosen: models.rejected, rejected: models.chosen };
      scores = { chosen: verdict.rejected.score, rejected: verdict.chosen.score };
      assessments = { chosen: verdict.rejected.assessment, rejected: verdict.chosen.assessment };
    } else {
      scores = { chosen: verdict.chosen.score, rejected: verdict.rejected.score };
      assessments = { chosen: verdict.chosen.assessment, rejected: verdict.rejected.assessment };
    }
  }
  return { ...pair, models, scores, assessments, swapped };
}

export const preferenceEngine: TypeEngine<"preference"> = {
  type: "preference",
  cells: (design, context) => documentOrTopicCells(design, context.documents),
  settings: (design) => ({ evolRounds: design.evolInstruct.rounds, evolStrategies: design.evolInstruct.strategies, judge: design.judge?.enabled ?? false }) satisfies Settings,
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem({ samples, settings }) {
    const { evolRounds, judge } = settings as Settings;
    return 1 + evolRounds + samples * (judge ? 3 : 2);
  },
  async run(input, steps) {
    const settings = input.settings as Settings;
    const first = await steps.call({ step: "instructions", system: SYSTEM_PROMPT, prompt: input.prompt, schema: stringList("instructions", input.samples) });
    const evolution = evolutionPlan(input.seed, settings.evolRounds, settings.evolStrategies);
    const instructions = await evolve(input, steps, first.output.instructions, evolution);
    const pairs = await mapLimited(instructions, PARALLEL_INSTRUCTIONS, (instruction, index) => respond(input, steps, instruction, index));
    return pairs.map((pair, index) => ({
      data: { instruction: instructions[index]!, ...pair, evolution, ...origin(input.cell), language: input.language },
      text: instructions[index]!,
      labels: [],
    }));
  },
};
