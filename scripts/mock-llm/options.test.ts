import { describe, expect, it } from "vitest";
import { mockLlmOptionsSchema, parseMockLlmArgs } from "./options";

describe("mockLlmOptionsSchema", () => {
  it("fills the documented defaults", () => {
    expect(mockLlmOptionsSchema.parse({})).toEqual({
      port: 8787,
      seed: 42,
      latencyMs: 0,
      latencyJitterMs: 0,
      error500: 0,
      error429: 0,
      truncatedJson: 0,
      noAnswer: 0,
      noAnswerMs: 100,
      hideLimitHeaders: false,
      models: ["mock-1", "mock-2", "mock-broken-first", "mock-no-json-schema"],
      batchCompletionMs: 0,
      batchExpire: false,
      batchErrors: 0,
      batchBrokenJson: 0,
    });
  });

  it("rejects unknown keys so a misspelt option cannot silently do nothing", () => {
    expect(mockLlmOptionsSchema.safeParse({ error_500: 1 }).success).toBe(false);
  });
});

describe("parseMockLlmArgs", () => {
  it("parses every flag, in both --flag value and --flag=value forms", () => {
    const options = parseMockLlmArgs([
      "--port", "0", "--seed=-3", "--latency-ms", "20", "--latency-jitter-ms", "5", "--rpm", "60",
      "--fail-500", "0.1", "--fail-429=0.2", "--truncate", "0.05", "--no-answer", "0.01",
      "--no-answer-ms", "50", "--hide-limit-headers", "--models", "a, b,c",
      "--batch-completion-ms", "300", "--batch-expire", "--batch-errors", "0.1", "--batch-broken-json=0.2",
    ]);
    expect(options).toEqual({
      port: 0, seed: -3, latencyMs: 20, latencyJitterMs: 5, rpm: 60, error500: 0.1, error429: 0.2,
      truncatedJson: 0.05, noAnswer: 0.01, noAnswerMs: 50, hideLimitHeaders: true, models: ["a", "b", "c"],
      batchCompletionMs: 300, batchExpire: true, batchErrors: 0.1, batchBrokenJson: 0.2,
    });
    expect(parseMockLlmArgs([]).hideLimitHeaders).toBe(false);
  });

  it.each([
    [["--bogus", "1"], /^Unknown flag --bogus$/],
    [["stray"], /^Unexpected argument "stray"$/],
    [["--port"], /^--port needs a value$/],
    [["--rpm", "--seed", "1"], /^--rpm needs a value$/],
    [["--latency-ms", "soon"], /^--latency-ms must be a number, got "soon"$/],
    [["--port", "70000"], /^--port: /],
    [["--rpm", "0"], /^--rpm: /],
    [["--rpm", "1.5"], /^--rpm: /],
    [["--fail-500", "1.5"], /^--fail-500: /],
    [["--no-answer", "-0.1"], /^--no-answer: /],
    [["--models", ","], /^--models: /],
    [["--hide-limit-headers=yes"], /^--hide-limit-headers takes no value$/],
    [["--fail-500", "0.6", "--fail-429", "0.6"], /^--fail-500\/--fail-429\/--truncate\/--no-answer: .*at most 1/],
    [["--batch-errors", "0.6", "--batch-broken-json", "0.6"], /^--batch-errors\/--batch-broken-json: .*at most 1/],
  ])("rejects %j with a message naming the flag", (argv, message) => {
    expect(() => parseMockLlmArgs(argv)).toThrow(message);
  });
});
