// `Steps` for unit tests of dataset types: every call goes through the real
// structured-output path (validation, repair) to an `ai/test` mock model whose
// answer a test function gives per step. Calls are recorded for assertions.
import { MockLanguageModelV4 } from "ai/test";
import { generateStructured } from "@/server/llm/structured";
import type { StepCall, Steps } from "@/server/generation/types/engine";

export type MockAnswer = unknown | { json: unknown; reasoning?: string } | { raw: string };

export type RecordedCall = { step: string; prompt: string; system?: string; model?: string; answers: number };

function content(answer: MockAnswer) {
  if (answer && typeof answer === "object" && "raw" in answer) return [{ type: "text" as const, text: (answer as { raw: string }).raw }];
  if (answer && typeof answer === "object" && "json" in answer) {
    const { json, reasoning } = answer as { json: unknown; reasoning?: string };
    return [...(reasoning ? [{ type: "reasoning" as const, text: reasoning }] : []), { type: "text" as const, text: JSON.stringify(json) }];
  }
  return [{ type: "text" as const, text: JSON.stringify(answer) }];
}

/** `answer(call, attempt)` is asked for each request; attempt 1 is the first ask, 2+ are repairs. */
export function mockSteps(answer: (call: StepCall<never>, attempt: number) => MockAnswer): Steps & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    async call(step) {
      const recorded: RecordedCall = { step: step.step, prompt: step.prompt, system: step.system, model: step.model?.model, answers: 0 };
      calls.push(recorded);
      const model = new MockLanguageModelV4({
        doGenerate: async () => ({
          content: content(answer(step as StepCall<never>, ++recorded.answers)),
          finishReason: { unified: "stop" as const, raw: "stop" },
          usage: { inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 5, text: 5, reasoning: undefined } },
          warnings: [],
        }),
      });
      const result = await generateStructured({ model, modelName: "mock", baseURL: "mock://", schema: step.schema, system: step.system, prompt: step.prompt, timeoutMs: 5000 });
      return { output: result.output, ...(result.reasoningText ? { reasoningText: result.reasoningText } : {}) };
    },
  };
}
