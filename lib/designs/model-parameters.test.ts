import { describe, expect, it } from "vitest";
import { checkModelParameters } from "./model-parameters";

const paths = (issues: { path: (string | number)[] }[]) => issues.map((issue) => issue.path.join("."));

describe("checkModelParameters", () => {
  it("rejects temperature and topP on OpenAI reasoning models, with the fix", () => {
    const issues = checkModelParameters("openai", "gpt-5-mini", { temperature: 0.7, topP: 0.9 });
    expect(paths(issues)).toEqual(["parameters.temperature", "parameters.topP"]);
    expect(issues[0]!.message).toBe("gpt-5-mini does not accept temperature (OpenAI reasoning models). Remove it.");
    for (const model of ["o1", "o3-mini", "o4-mini-2025-04-16", "gpt-5", "gpt-5.1", "gpt-6"]) {
      expect(paths(checkModelParameters("openai", model, { temperature: 1 }))).toEqual(["parameters.temperature"]);
    }
  });

  it("accepts temperature on chat models and on gpt-5 chat variants", () => {
    for (const model of ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-3.5-turbo", "gpt-5-chat-latest"]) {
      expect(checkModelParameters("openai", model, { temperature: 1.2, topP: 0.5 })).toEqual([]);
    }
  });

  it("rejects reasoningEffort on models without reasoning, and minimal on o-series", () => {
    expect(paths(checkModelParameters("openai", "gpt-4o", { reasoningEffort: "low" }))).toEqual(["parameters.reasoningEffort"]);
    expect(checkModelParameters("openai", "gpt-5", { reasoningEffort: "minimal" })).toEqual([]);
    expect(checkModelParameters("openai", "o3", { reasoningEffort: "minimal" })[0]!.message).toContain('"low"');
    expect(paths(checkModelParameters("anthropic", "claude-3-5-sonnet-latest", { reasoningEffort: "high" }))).toEqual(["parameters.reasoningEffort"]);
    expect(checkModelParameters("anthropic", "claude-3-7-sonnet-latest", { reasoningEffort: "high" })).toEqual([]);
    expect(paths(checkModelParameters("google", "gemini-2.0-flash", { reasoningEffort: "low" }))).toEqual(["parameters.reasoningEffort"]);
    expect(checkModelParameters("google", "gemini-2.5-flash", { reasoningEffort: "low" })).toEqual([]);
  });

  it("knows Anthropic's temperature range and its extended-thinking constraints", () => {
    expect(checkModelParameters("anthropic", "claude-sonnet-4-5", { temperature: 1.5 })[0]!.message).toContain("between 0 and 1");
    expect(checkModelParameters("anthropic", "claude-sonnet-4-5", { temperature: 1 })).toEqual([]);
    expect(paths(checkModelParameters("anthropic", "claude-sonnet-4-5", { reasoningEffort: "medium", temperature: 0.5, topP: 0.5 }))).toEqual(["parameters.temperature", "parameters.topP"]);
    expect(checkModelParameters("anthropic", "claude-sonnet-4-5", { reasoningEffort: "medium", topP: 0.97 })).toEqual([]);
  });

  it("applies the upstream vendor's rules to OpenRouter ids and OpenAI ids behind a compatible endpoint", () => {
    expect(paths(checkModelParameters("openrouter", "openai/o4-mini", { temperature: 0.2 }))).toEqual(["parameters.temperature"]);
    expect(paths(checkModelParameters("openrouter", "anthropic/claude-3-haiku", { reasoningEffort: "low" }))).toEqual(["parameters.reasoningEffort"]);
    expect(checkModelParameters("openrouter", "meta-llama/llama-3.3-70b-instruct", { temperature: 2, reasoningEffort: "high" })).toEqual([]);
    expect(paths(checkModelParameters("openai_compatible", "gpt-5-nano", { topP: 0.5 }))).toEqual(["parameters.topP"]);
  });

  it("lets unknown models and empty parameters through", () => {
    expect(checkModelParameters("openai_compatible", "mock-1", { temperature: 2, reasoningEffort: "high" })).toEqual([]);
    expect(checkModelParameters("ollama", "qwen3:8b", { temperature: 0.1, reasoningEffort: "medium" })).toEqual([]);
    expect(checkModelParameters("openai", "gpt-5", undefined)).toEqual([]);
    expect(checkModelParameters("openai", "gpt-5", { maxOutputTokens: 1_000_000 })).toEqual([]);
  });
});
