// Structured calls with repair: the provider's native JSON-schema mode first; if
// the answer still fails validation, re-ask with the validation error. A value is
// never invented: after the last repair the call fails with the reason.
import { generateText, NoObjectGeneratedError, Output, type LanguageModel, type ModelMessage } from "ai";
import type { z } from "zod";
import { classifyLlmError, LlmError } from "./errors";
import { extractJson } from "./extract-json";

export type Usage = { inputTokens: number; outputTokens: number };

export type StructuredResult<T> = { output: T; usage: Usage; repairs: number; latencyMs: number };

export type StructuredCall<S extends z.ZodType> = {
  model: LanguageModel;
  modelName: string;
  baseURL: string;
  schema: S;
  prompt: string;
  system?: string;
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  timeoutMs: number;
  maxRepairs?: number;
  abortSignal?: AbortSignal;
};

function addUsage(total: Usage, usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined) {
  total.inputTokens += usage?.inputTokens ?? 0;
  total.outputTokens += usage?.outputTokens ?? 0;
}

export async function generateStructured<S extends z.ZodType>(call: StructuredCall<S>): Promise<StructuredResult<z.infer<S>>> {
  const started = Date.now();
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  const maxRepairs = call.maxRepairs ?? 2;
  const messages: ModelMessage[] = [{ role: "user", content: call.prompt }];
  for (let repairs = 0; ; repairs++) {
    const signals = [AbortSignal.timeout(call.timeoutMs), ...(call.abortSignal ? [call.abortSignal] : [])];
    try {
      const result = await generateText({
        model: call.model,
        system: call.system,
        messages,
        output: Output.object({ schema: call.schema }),
        temperature: call.temperature,
        topP: call.topP,
        maxOutputTokens: call.maxOutputTokens,
        maxRetries: 0,
        abortSignal: AbortSignal.any(signals),
      });
      addUsage(usage, result.usage);
      return { output: result.output as z.infer<S>, usage, repairs, latencyMs: Date.now() - started };
    } catch (error) {
      if (!NoObjectGeneratedError.isInstance(error)) {
        const classified = classifyLlmError(error, { model: call.modelName, baseURL: call.baseURL });
        throw Object.assign(classified, { usage });
      }
      addUsage(usage, error.usage);
      const recovered = call.schema.safeParse(extractJson(error.text ?? ""));
      if (recovered.success) return { output: recovered.data as z.infer<S>, usage, repairs, latencyMs: Date.now() - started };
      if (repairs >= maxRepairs) {
        throw Object.assign(
          new LlmError({ kind: "schema", retryable: false, message: `${call.modelName} did not produce valid output after ${repairs + 1} tries: ${describe(error)}`, cause: error }),
          { usage },
        );
      }
      messages.push({ role: "assistant", content: error.text ?? "" });
      messages.push({
        role: "user",
        content: `Your previous answer was not valid: ${describe(error)}\nAnswer again with only a JSON value that matches the requested schema exactly, with no other text.`,
      });
    }
  }
}

function describe(error: InstanceType<typeof NoObjectGeneratedError>): string {
  const cause = error.cause instanceof Error ? error.cause.message : error.message;
  return cause.replace(/\s+/g, " ").slice(0, 500);
}
