// Parameters a model rejects (or that its SDK silently drops), caught before a
// run starts instead of failing every work item with the same 400. Only rules
// the providers document are here; unknown model ids pass (a local server or a
// fine-tune may accept anything).
import type { ModelParameters } from "./model-schema";

/** Same spelling as ModelRef.kind (server/llm/model-ref.ts); lib must not import server code. */
export type ParameterProviderKind = "openai" | "anthropic" | "google" | "mistral" | "openrouter" | "ollama" | "openai_compatible";

export type ParameterIssue = { path: (string | number)[]; message: string };

type Rule = (model: string, parameters: ModelParameters) => ParameterIssue[];

/** OpenRouter ids carry the upstream vendor ("openai/gpt-5-mini"); the upstream rules apply. */
function upstream(kind: ParameterProviderKind, model: string): { vendor: ParameterProviderKind; id: string } {
  if (kind !== "openrouter") return { vendor: kind, id: model };
  const [vendor, ...rest] = model.split("/");
  const id = rest.join("/");
  if (vendor === "openai") return { vendor: "openai", id };
  if (vendor === "anthropic") return { vendor: "anthropic", id };
  if (vendor === "google") return { vendor: "google", id };
  return { vendor: "openrouter", id: model };
}

type OpenAIFamily = "o-series" | "gpt-reasoning" | "gpt-chat" | undefined;

// o1/o3/o4… and gpt-5 or later (except the "-chat" variants) are reasoning models:
// they reject temperature/top_p, and only gpt-5-era models know "minimal".
function openAIFamily(id: string): OpenAIFamily {
  if (/^o\d+(?:-|$)/.test(id)) return "o-series";
  const gpt = /^gpt-(\d+)(?:\.\d+)?(?:-(.*))?$/.exec(id);
  if (gpt) {
    if (Number(gpt[1]) >= 5 && !(gpt[2] ?? "").startsWith("chat")) return "gpt-reasoning";
    return "gpt-chat";
  }
  if (/^(?:gpt-4|gpt-3\.5|chatgpt-4o)/.test(id)) return "gpt-chat";
  return undefined;
}

const openAIRules: Rule = (id, parameters) => {
  const family = openAIFamily(id);
  const issues: ParameterIssue[] = [];
  if (family === "o-series" || family === "gpt-reasoning") {
    for (const name of ["temperature", "topP"] as const) {
      if (parameters[name] !== undefined) issues.push({ path: ["parameters", name], message: `${id} does not accept ${name} (OpenAI reasoning models). Remove it.` });
    }
    if (family === "o-series" && parameters.reasoningEffort === "minimal") {
      issues.push({ path: ["parameters", "reasoningEffort"], message: `${id} does not accept reasoningEffort "minimal" (only gpt-5 models do). Use "low".` });
    }
  }
  if (family === "gpt-chat" && parameters.reasoningEffort !== undefined) {
    issues.push({ path: ["parameters", "reasoningEffort"], message: `${id} is not a reasoning model and does not accept reasoningEffort. Remove it, or use a reasoning model such as gpt-5-mini or o4-mini.` });
  }
  return issues;
};

// Claude 3 models before 3.7, Claude 2 and Instant have no extended thinking.
const claudeWithoutThinking = /^claude-(?:instant|2|3-(?:opus|sonnet|haiku|5-))/;
// Newer Claude models reject sampling parameters altogether (the SDK drops them with a warning).
const claudeWithoutSampling = /^claude-(?:opus-4-[7-9]|(?:opus|sonnet|haiku|fable)-5)/;

const anthropicRules: Rule = (id, parameters) => {
  const issues: ParameterIssue[] = [];
  if (claudeWithoutSampling.test(id)) {
    for (const name of ["temperature", "topP"] as const) {
      if (parameters[name] !== undefined) issues.push({ path: ["parameters", name], message: `${id} does not accept ${name} (Anthropic fixes sampling for this model). Remove it.` });
    }
    return issues;
  }
  if (parameters.temperature !== undefined && parameters.temperature > 1) {
    issues.push({ path: ["parameters", "temperature"], message: `Anthropic models accept temperature between 0 and 1 (got ${parameters.temperature}). Use a value up to 1.` });
  }
  if (parameters.reasoningEffort !== undefined) {
    if (claudeWithoutThinking.test(id)) {
      issues.push({ path: ["parameters", "reasoningEffort"], message: `${id} has no extended thinking and does not accept reasoningEffort. Remove it, or use a Claude 3.7 or Claude 4 model.` });
    } else {
      // Extended thinking requires the default temperature and a top_p of at least 0.95.
      if (parameters.temperature !== undefined) {
        issues.push({ path: ["parameters", "temperature"], message: `${id} does not accept temperature together with reasoningEffort (extended thinking). Remove one of them.` });
      }
      if (parameters.topP !== undefined && parameters.topP < 0.95) {
        issues.push({ path: ["parameters", "topP"], message: `${id} accepts topP between 0.95 and 1 with reasoningEffort (extended thinking). Raise it or remove it.` });
      }
    }
  }
  return issues;
};

// Gemini 1.x and 2.0 have no thinking configuration; 2.5 and later do.
const geminiWithoutThinking = /^(?:models\/)?gemini-(?:1\.|2\.0-|pro\b|ultra\b)/;

const googleRules: Rule = (id, parameters) =>
  parameters.reasoningEffort !== undefined && geminiWithoutThinking.test(id)
    ? [{ path: ["parameters", "reasoningEffort"], message: `${id} has no thinking mode and does not accept reasoningEffort. Remove it, or use gemini-2.5-flash or later.` }]
    : [];

const rulesByVendor: Partial<Record<ParameterProviderKind, Rule>> = {
  openai: openAIRules,
  anthropic: anthropicRules,
  google: googleRules,
};

/**
 * Problems with `parameters` for `model` on a provider of `kind`, each with its
 * path inside the model entry (["parameters", "temperature"]) and the fix.
 */
export function checkModelParameters(kind: ParameterProviderKind, model: string, parameters: ModelParameters | undefined): ParameterIssue[] {
  if (!parameters) return [];
  const { vendor, id } = upstream(kind, model.trim());
  // An OpenAI-compatible server named after an OpenAI model is most likely OpenAI itself (or a proxy to it).
  const rule = kind === "openai_compatible" && openAIFamily(id) !== undefined ? openAIRules : rulesByVendor[vendor];
  return rule ? rule(id, parameters) : [];
}
