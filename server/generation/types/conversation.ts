// Conversation: opening questions → rewritten in the persona's voice → for each,
// the assistant answers, and while the seeded coin says so (and turns remain)
// the user follows up and the assistant answers again.
import { z } from "zod";
import type { ConversationMessage } from "@/lib/dataset-types/conversation";
import { mulberry32, randomFraction } from "@/lib/prompts/random";
import { mapLimited, SYSTEM_PROMPT, type ItemInput, type Steps, type TypeEngine } from "./engine";
import { cached, nonEmpty, numbered, stringList } from "./lists";

type Settings = { domain: string; maxTurns: number; continuationProbability: number };
type Cell = { topic: string; subtopic: string; persona: string };

const answerSchema = cached("conversation:answer", () => z.object({ answer: nonEmpty("answer") }));
const followUpSchema = cached("conversation:follow-up", () => z.object({ message: nonEmpty("message") }));

/** Conversations of one item run side by side, a few at a time. */
const PARALLEL_CONVERSATIONS = 4;

function transcript(messages: ConversationMessage[]): string {
  return messages.map((message) => `${message.role === "user" ? "User" : "Assistant"}: ${message.content}`).join("\n\n");
}

/** The seeded coin of conversation `index`: the same turns on every run of the same item. */
export function continuationCoin(seed: number, index: number): () => number {
  const next = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  return () => randomFraction(next);
}

async function converse(input: ItemInput, steps: Steps, opening: string, index: number): Promise<ConversationMessage[]> {
  const { domain, maxTurns, continuationProbability } = input.settings as Settings;
  const { persona } = input.cell as Cell;
  const coin = continuationCoin(input.seed, index);
  const messages: ConversationMessage[] = [{ role: "user", content: opening }];
  const assistant = `You are a helpful, accurate assistant for ${domain}. Answer in ${input.languageName}. Answer only with the requested JSON.`;
  for (let turn = 1; ; turn++) {
    const { output } = await steps.call({
      step: "answer",
      system: assistant,
      prompt: `Continue this conversation with the assistant's next reply.\n\n${transcript(messages)}`,
      schema: answerSchema,
    });
    messages.push({ role: "assistant", content: output.answer });
    if (turn >= maxTurns || coin() >= continuationProbability) return messages;
    const followUp = await steps.call({
      step: "follow-up",
      system: SYSTEM_PROMPT,
      prompt: `You play the user in this conversation with an assistant for ${domain}. The user is ${persona}. Write the user's next message, in ${input.languageName}: a natural follow-up to the assistant's last reply, in the user's voice.\n\n${transcript(messages)}`,
      schema: followUpSchema,
    });
    messages.push({ role: "user", content: followUp.output.message });
  }
}

export const conversationEngine: TypeEngine<"conversation"> = {
  type: "conversation",
  cells(design) {
    const cells = design.topics.flatMap((topic) =>
      (topic.subtopics.length > 0 ? topic.subtopics : [""]).flatMap((subtopic) =>
        design.personas.map((persona) => ({
          values: { topic: topic.name, subtopic, domain: design.domain, persona },
          data: { topic: topic.name, subtopic, persona } satisfies Cell,
        })),
      ),
    );
    const subtopics = design.topics.reduce((sum, topic) => sum + Math.max(1, topic.subtopics.length), 0);
    return { cells, factors: { "topics × subtopics": subtopics, personas: design.personas.length } };
  },
  settings: (design) => ({ domain: design.domain, maxTurns: design.maxTurns, continuationProbability: design.continuationProbability }) satisfies Settings,
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem({ samples, settings }) {
    const { maxTurns, continuationProbability: p } = settings as Settings;
    // Expected user turns: 1 + p + p² + … up to maxTurns; each adds an answer, each after the first a follow-up.
    let turns = 0;
    for (let k = 0; k < maxTurns; k++) turns += p ** k;
    return 2 + samples * (2 * turns - 1);
  },
  async run(input, steps) {
    const { topic, subtopic, persona } = input.cell as Cell;
    const questions = await steps.call({ step: "questions", system: SYSTEM_PROMPT, prompt: input.prompt, schema: stringList("questions", input.samples) });
    const rewritten = await steps.call({
      step: "persona",
      system: SYSTEM_PROMPT,
      prompt: `Rewrite each of these questions as ${persona} would ask it: their vocabulary, tone and details, in ${input.languageName}. Keep each question's meaning and the order.\n\n${numbered(questions.output.questions)}`,
      schema: stringList("questions", input.samples),
    });
    const conversations = await mapLimited(rewritten.output.questions, PARALLEL_CONVERSATIONS, (opening, index) => converse(input, steps, opening, index));
    return conversations.map((messages) => ({
      data: { messages, persona, topic, subtopic, language: input.language },
      text: messages.map((message) => message.content).join("\n\n"),
      labels: [],
    }));
  },
};
