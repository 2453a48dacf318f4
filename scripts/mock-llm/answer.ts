// The content of an answer depends only on (seed, model, messages, response_format), so the same
// request always gets the same answer, whatever order requests arrive in.
import { generateInstance, type JSONSchema } from "./json-schema-instance";
import { createRngFor, type Rng } from "./rng";
import { createParagraph, createSentence, extractContentWords } from "./text";
import { messageText, type ChatRequest, type FinishReason } from "./wire";

export interface Answer {
  content: string;
  finishReason: FinishReason;
  /** True when the content is meant to be JSON (never truncated by max_tokens). */
  json: boolean;
}

/** The request asked for something no value can satisfy; answered as a 400 like OpenAI does. */
export class UnsatisfiableSchemaError extends Error {
  override name = "UnsatisfiableSchemaError";
}

export function createAnswer(request: ChatRequest, seed: number): Answer {
  const key = JSON.stringify([request.model, request.messages, request.response_format ?? null]);
  const rng = createRngFor(seed, "answer", key);
  const words = extractContentWords(promptText(request));
  const format = request.response_format;

  if (format?.type === "json_schema" && format.json_schema?.schema !== undefined) {
    try {
      const value = generateInstance(format.json_schema.schema as JSONSchema, rng, { contentWords: words });
      return { content: JSON.stringify(value), finishReason: "stop", json: true };
    } catch (error) {
      const name = format.json_schema.name;
      throw new UnsatisfiableSchemaError(`Invalid schema for response_format '${name}': ${(error as Error).message}`);
    }
  }
  if (format?.type === "json_object" || format?.type === "json_schema") {
    return { content: JSON.stringify(createJsonObject(rng, words)), finishReason: "stop", json: true };
  }

  const text = createParagraph(rng, rng.int(2, 4), words);
  // Only plain text obeys a small token budget: cutting JSON would make every structured call fail.
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null && Math.ceil(text.length / 4) > maxTokens) {
    return { content: text.slice(0, maxTokens * 4), finishReason: "length", json: false };
  }
  return { content: text, finishReason: "stop", json: false };
}

/** json_object mode promises only "some object"; give a small, text-like one. */
function createJsonObject(rng: Rng, words: readonly string[]): Record<string, unknown> {
  return {
    answer: createSentence(rng, words),
    items: [createSentence(rng, words), createSentence(rng, words), createSentence(rng, words)],
  };
}

/** The last user turn says what is wanted; earlier turns only add noise to the word pick. */
function promptText(request: ChatRequest): string {
  const users = request.messages.filter((m) => m.role === "user");
  const last = users.at(-1) ?? request.messages.at(-1);
  return last === undefined ? "" : messageText(last.content);
}
