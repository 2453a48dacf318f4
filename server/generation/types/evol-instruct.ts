// EvolInstruct: each round rewrites every instruction with one strategy, drawn
// with the item's seed, so the same item evolves the same way on every run.
import type { EvolStrategy } from "@/lib/dataset-types/preference";
import { mulberry32, randomIndex } from "@/lib/prompts/random";
import { SYSTEM_PROMPT, type ItemInput, type Steps } from "./engine";
import { numbered, stringList } from "./lists";

const instructionsFor: Record<EvolStrategy, string> = {
  deepen: "Rewrite each instruction so that answering it needs deeper knowledge of its subject: ask about causes, trade-offs or edge cases the original leaves out.",
  broaden: "Rewrite each instruction into a new one from the same domain that covers a less common situation, so the set becomes more diverse.",
  concretize: "Rewrite each instruction so that its general concepts become specific ones: named situations, concrete numbers, particular examples.",
  constrain: "Rewrite each instruction by adding one realistic constraint or requirement the answer must respect (length, format, audience, a condition).",
  reason: "Rewrite each instruction so that answering it takes several explicit reasoning steps rather than one recalled fact.",
};

/** The strategy of each round, drawn from the allowed ones with the item's seed. */
export function evolutionPlan(seed: number, rounds: number, strategies: readonly EvolStrategy[]): EvolStrategy[] {
  const next = mulberry32(seed ^ 0x5eed);
  return Array.from({ length: rounds }, () => strategies[randomIndex(next, strategies.length)]!);
}

export async function evolve(input: ItemInput, steps: Steps, instructions: string[], plan: readonly EvolStrategy[]): Promise<string[]> {
  let current = instructions;
  for (const strategy of plan) {
    const { output } = await steps.call({
      step: `evolve:${strategy}`,
      system: SYSTEM_PROMPT,
      prompt: `${instructionsFor[strategy]} Keep each rewritten instruction self-contained, answerable, in ${input.languageName}, and in the original order. Do not answer them.\n\n${numbered(current)}`,
      schema: stringList("instructions", current.length),
    });
    current = output.instructions;
  }
  return current;
}
