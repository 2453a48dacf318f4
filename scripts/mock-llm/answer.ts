// What the mock "model" says, independent of the wire protocol that asked. The content depends
// only on (seed, model, messages, format), so the same request always gets the same answer,
// whatever order requests arrive in and whichever protocol carries them.
import { generateInstance, type JSONSchema } from "./json-schema-instance";
import { findPromptSchema, type PromptSchema } from "./prompt-schema";
import { createRngFor, type Rng } from "./rng";
import { createParagraph, createSentence, extractContentWords } from "./text";

/** Answers structured requests with truncated JSON on a first attempt, valid JSON on a repair turn. */
export const BROKEN_FIRST_MODEL = "mock-broken-first";
/** Rejects OpenAI response_format json_schema with a 400, like servers without structured outputs. */
export const NO_JSON_SCHEMA_MODEL = "mock-no-json-schema";

/**
 * Tests can dictate text: every free-text string of the answer starts with what a
 * prompt puts between `[mock-say]` and `[/mock-say]`, verbatim (e.g. markup that
 * the review UI must show as inert text).
 */
const SAY = /\[mock-say\]([\s\S]*?)\[\/mock-say\]/;

export type FinishReason = "stop" | "length";

export interface PromptMessage {
  role: "system" | "user" | "assistant" | "tool";
  text: string;
}

/** A request reduced to what shapes the answer; every protocol maps its own body onto this. */
export interface Prompt {
  model: string;
  messages: PromptMessage[];
  /** `json` without a schema is "some JSON object" (OpenAI json_object, Ollama format "json"). */
  format: { type: "text" } | { type: "json"; schema?: JSONSchema; name?: string };
  maxTokens?: number;
}

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

export function createAnswer(prompt: Prompt, seed: number): Answer {
  const key = JSON.stringify([prompt.model, prompt.messages, prompt.format]);
  const rng = createRngFor(seed, "answer", key);
  const { format } = prompt;
  // Without a schema in the request, one written into the prompt is what a real model would follow.
  const found = format.type === "json" && format.schema !== undefined ? undefined : findSchemaInMessages(prompt.messages);
  const asked = promptText(prompt, found);
  const say = SAY.exec(asked)?.[1] ?? "";
  const words = extractContentWords(asked.replace(SAY, " "));

  if (format.type === "json" && format.schema !== undefined) {
    let value: unknown;
    try {
      value = generateInstance(format.schema, rng, { contentWords: words, say });
    } catch (error) {
      const name = format.name === undefined ? "" : ` '${format.name}'`;
      throw new UnsatisfiableSchemaError(`Invalid schema${name}: ${(error as Error).message}`);
    }
    return breakFirstAttempt(prompt, JSON.stringify(value));
  }
  if (found !== undefined) {
    try {
      return breakFirstAttempt(prompt, JSON.stringify(generateInstance(found.schema, rng, { contentWords: words, say })));
    } catch {
      // A schema quoted in prose is only a hint; one that admits no value gets ordinary text.
    }
  }
  if (format.type === "json") return breakFirstAttempt(prompt, JSON.stringify(createJsonObject(rng, words)));

  const text = `${say ? `${say} ` : ""}${createParagraph(rng, rng.int(2, 4), words)}`;
  // Only plain text obeys a small token budget: cutting JSON would make every structured call fail.
  if (prompt.maxTokens != null && Math.ceil(text.length / 4) > prompt.maxTokens) {
    return { content: text.slice(0, prompt.maxTokens * 4), finishReason: "length", json: false };
  }
  return { content: text, finishReason: "stop", json: false };
}

/** Cuts JSON text in half; a prefix of an object or array never parses, and the guard covers scalars. */
export function truncateJson(content: string): string {
  const cut = content.slice(0, Math.ceil(content.length / 2));
  try {
    JSON.parse(cut);
    return `${cut},`;
  } catch {
    return cut;
  }
}

/**
 * The repair scenario: a first attempt (one user turn) gets truncated JSON; a conversation in which
 * the client re-asked with the validation error (a second user turn) gets valid JSON.
 */
function breakFirstAttempt(prompt: Prompt, content: string): Answer {
  const userTurns = prompt.messages.filter((m) => m.role === "user").length;
  const broken = prompt.model === BROKEN_FIRST_MODEL && userTurns === 1;
  return { content: broken ? truncateJson(content) : content, finishReason: "stop", json: true };
}

function findSchemaInMessages(messages: readonly PromptMessage[]): (PromptSchema & { message: number }) | undefined {
  for (const [index, message] of messages.entries()) {
    if (message.role !== "system" && message.role !== "user") continue;
    const found = findPromptSchema(message.text);
    if (found !== undefined) return { ...found, message: index };
  }
  return undefined;
}

/** json_object mode promises only "some object"; give a small, text-like one. */
function createJsonObject(rng: Rng, words: readonly string[]): Record<string, unknown> {
  return {
    answer: createSentence(rng, words),
    items: [createSentence(rng, words), createSentence(rng, words), createSentence(rng, words)],
  };
}

/** The last user turn says what is wanted; earlier turns only add noise to the word pick. */
function promptText(prompt: Prompt, found: (PromptSchema & { message: number }) | undefined): string {
  const users = prompt.messages.map((m, index) => ({ ...m, index })).filter((m) => m.role === "user");
  const last = users.at(-1) ?? { ...prompt.messages.at(-1), index: prompt.messages.length - 1 };
  const text = last.text ?? "";
  // Schema keywords ("properties", "minItems") would otherwise leak into the generated rows.
  return found?.message === last.index ? text.slice(0, found.start) + text.slice(found.end) : text;
}
