import { describe, expect, it } from "vitest";
import { anthropicAnswer, anthropicState } from "./anthropic";
import { openAiAnswer, openAiState } from "./openai";

const completion = (content: string, finish = "stop") => ({
  id: "chatcmpl-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: finish }],
  usage: { prompt_tokens: 12, completion_tokens: 30, total_tokens: 42, completion_tokens_details: { reasoning_tokens: 5 } },
});

describe("OpenAI result lines", () => {
  it("an answered request gives its text, finish reason and usage", () => {
    expect(openAiAnswer({ id: "r1", custom_id: "a", response: { status_code: 200, body: completion('{"texts":[]}', "length") }, error: null })).toEqual({
      customId: "a", kind: "answer", text: '{"texts":[]}', finishReason: "length", usage: { inputTokens: 12, outputTokens: 30, reasoningTokens: 5 },
    });
  });

  it("a request the API refused, one that expired and one without a response are errors with the provider's message", () => {
    expect(openAiAnswer({ custom_id: "b", response: { status_code: 500, body: { error: { message: "boom" } } }, error: null })).toEqual({ customId: "b", kind: "error", message: "500: boom" });
    expect(openAiAnswer({ custom_id: "c", response: null, error: { code: "batch_expired", message: "too late" } })).toEqual({ customId: "c", kind: "error", message: "batch_expired: too late" });
    expect(openAiAnswer({ custom_id: "d", response: { status_code: 200, body: { nope: true } } })).toMatchObject({ customId: "d", kind: "error" });
  });

  it("a line that is not a result line is refused loudly", () => {
    expect(() => openAiAnswer({ id: 1 })).toThrow(/Unexpected line/);
  });

  it("batch states: only completed, expired, cancelled and failed have ended; counts split", () => {
    const base = { id: "batch_1", request_counts: { total: 10, completed: 6, failed: 1 }, output_file_id: "f-out", error_file_id: null };
    expect(openAiState({ ...base, status: "in_progress" })).toMatchObject({ ended: false, counts: { succeeded: 6, failed: 1, processing: 3 }, results: ["f-out"] });
    expect(openAiState({ ...base, status: "expired", error_file_id: "f-err" })).toMatchObject({ ended: true, results: ["f-out", "f-err"] });
    expect(openAiState({ ...base, status: "failed", errors: { data: [{ code: "x", message: "bad line" }] } })).toMatchObject({ ended: true, error: "bad line" });
  });
});

describe("Anthropic result lines", () => {
  const message = (content: unknown[], stop = "tool_use") => ({
    id: "msg_1", type: "message", content, stop_reason: stop, usage: { input_tokens: 20, output_tokens: 8, cache_creation_input_tokens: 2, cache_read_input_tokens: 1 },
  });

  it("the forced json tool's input is the answer, as the online path reads it; cache tokens count as input", () => {
    expect(anthropicAnswer({ custom_id: "a", result: { type: "succeeded", message: message([{ type: "tool_use", id: "t", name: "json", input: { texts: ["x"] } }]) } })).toEqual({
      customId: "a", kind: "answer", text: '{"texts":["x"]}', finishReason: "stop", usage: { inputTokens: 23, outputTokens: 8, reasoningTokens: 0 },
    });
  });

  it("text blocks (native output format, or a model that ignored the tool) are the answer's text", () => {
    expect(anthropicAnswer({ custom_id: "b", result: { type: "succeeded", message: message([{ type: "text", text: '{"texts":' }, { type: "text", text: "[]}" }], "max_tokens") } }))
      .toMatchObject({ kind: "answer", text: '{"texts":[]}', finishReason: "length" });
  });

  it("errored, canceled and expired requests are errors", () => {
    expect(anthropicAnswer({ custom_id: "c", result: { type: "errored", error: { type: "error", error: { type: "api_error", message: "Internal server error" } } } }))
      .toEqual({ customId: "c", kind: "error", message: "api_error: Internal server error" });
    expect(anthropicAnswer({ custom_id: "d", result: { type: "expired" } })).toMatchObject({ kind: "error", message: expect.stringContaining("expired") });
    expect(anthropicAnswer({ custom_id: "e", result: { type: "canceled" } })).toMatchObject({ kind: "error", message: expect.stringContaining("cancelled") });
  });

  it("batch states: ended only once processing_status says so; errored, canceled and expired count as failed", () => {
    const counts = { processing: 0, succeeded: 5, errored: 1, canceled: 1, expired: 2 };
    expect(anthropicState({ id: "m", processing_status: "in_progress", request_counts: { ...counts, processing: 9 }, results_url: null })).toMatchObject({ ended: false, results: [] });
    expect(anthropicState({ id: "m", processing_status: "ended", request_counts: counts, results_url: "http://x/results" }))
      .toEqual({ providerStatus: "ended", ended: true, counts: { succeeded: 5, failed: 4, processing: 0 }, results: ["http://x/results"] });
  });
});
