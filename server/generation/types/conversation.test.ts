import { describe, expect, it } from "vitest";
import { conversationExample } from "@/lib/designs/examples";
import { firstItemInput } from "@/server/testing/plan-items";
import { mockSteps } from "@/server/testing/mock-steps";
import { continuationCoin, conversationEngine } from "./conversation";

const design = (overrides: Partial<ReturnType<typeof conversationExample>> = {}) => ({ ...conversationExample(), ...overrides });

function chat(count = 2) {
  let reply = 0;
  return mockSteps((call) => {
    if (call.step === "questions") return { questions: ["How do I block my card?", "Why was my card declined?"].slice(0, count) };
    if (call.step === "persona") return { questions: ["hello, how do i block my card please", "my card got declined, why??"].slice(0, count) };
    if (call.step === "answer") return { answer: `Answer ${++reply}` };
    return { message: "And then what?" };
  });
}

/** The seed of an item for which the coin of conversation 0 comes up "stop" first (p = 0.5). */
function seedWhereFirstCoin(stop: boolean): number {
  for (let seed = 0; ; seed++) if (continuationCoin(seed, 0)() >= 0.5 === stop) return seed;
}

describe("conversation steps", () => {
  it("asks opening questions, rewrites them in the persona's voice, and answers each", async () => {
    const steps = chat();
    const input = firstItemInput(design({ samplesPerPrompt: 2, maxTurns: 1 }));
    const rows = await conversationEngine.run(input, steps);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.data.messages).toEqual([
      { role: "user", content: "hello, how do i block my card please" },
      { role: "assistant", content: expect.stringMatching(/^Answer \d$/) },
    ]);
    expect(rows[0]!.data).toMatchObject({ persona: input.cell.persona, topic: "cards", subtopic: "lost card", language: "en" });
    expect(steps.calls.map((call) => call.step)).toEqual(["questions", "persona", "answer", "answer"]);
    expect(steps.calls[1]!.prompt).toContain(String(input.cell.persona));
  });

  it("stops a conversation when the seeded coin says so", async () => {
    const steps = chat(1);
    const input = firstItemInput(design({ samplesPerPrompt: 1, maxTurns: 5, continuationProbability: 0.5 }), { seed: seedWhereFirstCoin(true) });
    const [row] = await conversationEngine.run(input, steps);
    expect(row!.data.messages).toHaveLength(2);
    expect(steps.calls.filter((call) => call.step === "follow-up")).toHaveLength(0);
  });

  it("continues while the coin allows and never past maxTurns", async () => {
    const steps = chat(1);
    const input = firstItemInput(design({ samplesPerPrompt: 1, maxTurns: 3, continuationProbability: 1 }));
    const [row] = await conversationEngine.run(input, steps);
    const messages = row!.data.messages as { role: string }[];
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
    expect(steps.calls.filter((call) => call.step === "follow-up")).toHaveLength(2);
  });

  it("takes the same turns for the same seed", async () => {
    const input = firstItemInput(design({ samplesPerPrompt: 2, maxTurns: 4, continuationProbability: 0.5 }), { seed: seedWhereFirstCoin(false) });
    const first = await conversationEngine.run(input, chat());
    const second = await conversationEngine.run(input, chat());
    expect(second.map((row) => (row.data.messages as unknown[]).length)).toEqual(first.map((row) => (row.data.messages as unknown[]).length));
    expect((first[0]!.data.messages as unknown[]).length).toBeGreaterThan(2);
  });
});
