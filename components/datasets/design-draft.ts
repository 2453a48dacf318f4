// The form edits a draft of strings (what people type) and serializes it to
// the exact design JSON the API takes. Nothing is coerced silently: a value
// that is not a number stays as typed so validation can name the field.
import type { DatasetDesignInput, DatasetTypeName } from "@/lib/designs/design-schema";
import { MOCK_LLM_BASE_URL, starterDesign } from "@/lib/designs/examples";

export type LabelDraft = { name: string; description: string };
export type VariableDraft = { name: string; values: string };
/** `connection` names a stored provider connection; empty = an inline OpenAI-compatible endpoint. */
export type ModelDraft = { connection: string; baseURL: string; model: string; apiKeyEnv: string; rpm: string; concurrency: string };

/**
 * What a type adds to the common design (topics, personas, source, output fields…), in the
 * design's own shape; number fields a person types stay strings until toDesign.
 */
export type TypeFieldsDraft = Record<string, unknown>;

export type DesignDraft = {
  name: string;
  type: DatasetTypeName;
  /** classification only. */
  labels: LabelDraft[];
  fields: TypeFieldsDraft;
  /** Kept as imported (the form edits combinatorial expansion only through variables). */
  expansion: DatasetDesignInput["expansion"];
  /** Models after the first, kept as imported (the form edits the first). */
  extraModels: DatasetDesignInput["models"];
  templates: string[];
  variables: VariableDraft[];
  languages: string;
  samplesPerPrompt: string;
  model: ModelDraft;
};

export const DEFAULT_BASE_URL = MOCK_LLM_BASE_URL;

/** The form's view of a design (the inverse of toDesign for what the form edits). */
export function fromDesign(design: DatasetDesignInput): DesignDraft {
  const [model, ...extraModels] = design.models;
  return {
    name: design.name,
    type: design.type,
    fields: typeFieldsOf(design),
    expansion: design.expansion,
    extraModels,
    labels: design.type === "classification" ? design.labels.map((label) => ({ name: label.name, description: label.description ?? "" })) : [],
    templates: [...design.templates],
    variables: Object.entries(design.variables ?? {}).map(([name, values]) => ({ name, values: values.join(", ") })),
    languages: (design.languages ?? ["en"]).join(", "),
    samplesPerPrompt: String(design.samplesPerPrompt ?? 5),
    model: {
      connection: model?.connection ?? "",
      baseURL: model?.baseURL ?? DEFAULT_BASE_URL,
      model: model?.model ?? "",
      apiKeyEnv: model?.apiKeyEnv ?? "",
      rpm: model?.limits?.rpm !== undefined ? String(model.limits.rpm) : "",
      concurrency: model?.limits?.concurrency !== undefined ? String(model.limits.concurrency) : "",
    },
  };
}

const COMMON_KEYS = new Set(["name", "type", "description", "languages", "models", "templates", "variables", "expansion", "samplesPerPrompt", "labels"]);

function typeFieldsOf(design: DatasetDesignInput): TypeFieldsDraft {
  return Object.fromEntries(Object.entries(design).filter(([key]) => !COMMON_KEYS.has(key)));
}

/** A type's starter design as a draft, without an API key variable: the mock needs none. */
export function starterDraft(type: DatasetTypeName): DesignDraft {
  const starter = fromDesign(starterDesign(type));
  return { ...starter, model: { ...starter.model, apiKeyEnv: "" } };
}

export const initialDraft: DesignDraft = starterDraft("classification");

/** Number fields of the types, typed as text in the form. */
const NUMBER_FIELDS = new Set(["maxTurns", "continuationProbability", "rounds", "minLength", "maxLength", "maxDocuments", "sample", "seed"]);

/** Typed numbers become numbers at any depth; anything else stays as it is. */
function typedNumbers(value: unknown, key = ""): unknown {
  if (typeof value === "string" && NUMBER_FIELDS.has(key)) return value.trim() === "" ? undefined : numberOrRaw(value);
  if (Array.isArray(value)) return value.map((entry) => typedNumbers(entry));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typedNumbers(v, k)]));
  return value;
}

/** Splits on commas and newlines, trims, drops blanks. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function numberOrRaw(raw: string): number | string {
  const trimmed = raw.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Rows whose name is blank are left out: an empty row is a row not yet filled in. */
export function draftVariables(drafts: VariableDraft[]): Record<string, string[]> {
  const variables: Record<string, string[]> = {};
  for (const draft of drafts) {
    const name = draft.name.trim();
    // defineProperty keeps a variable named "__proto__" as data, not a prototype change.
    if (name !== "") Object.defineProperty(variables, name, { value: splitList(draft.values), enumerable: true, writable: true, configurable: true });
  }
  return variables;
}

export function toDesign(draft: DesignDraft): DatasetDesignInput {
  const { model } = draft;
  const limits: Record<string, number | string> = {};
  if (model.rpm.trim() !== "") limits.rpm = numberOrRaw(model.rpm);
  if (model.concurrency.trim() !== "") limits.concurrency = numberOrRaw(model.concurrency);
  // Key order follows the documented design JSON so an exported design reads the same.
  const design = {
    name: draft.name,
    type: draft.type,
    languages: splitList(draft.languages),
    models: [
      // A stored connection brings its endpoint, key and limits; the design names it and the model.
      model.connection !== ""
        ? { connection: model.connection, model: model.model.trim() }
        : {
            provider: "openai-compatible",
            baseURL: model.baseURL.trim(),
            model: model.model.trim(),
            ...(model.apiKeyEnv.trim() !== "" ? { apiKeyEnv: model.apiKeyEnv.trim() } : {}),
            ...(Object.keys(limits).length > 0 ? { limits } : {}),
          },
      ...draft.extraModels,
    ],
    ...(draft.type === "classification" ? { labels: draft.labels.map((label) => ({ name: label.name, description: label.description })) } : {}),
    ...(typedNumbers(draft.fields) as TypeFieldsDraft),
    templates: draft.templates,
    variables: draftVariables(draft.variables),
    expansion: draft.expansion ?? { mode: "combinatorial" },
    // A transform makes one row per source row: there is no sample count to ask for.
    ...(draft.type === "transform" ? {} : { samplesPerPrompt: numberOrRaw(draft.samplesPerPrompt) }),
  };
  // Numbers that were typed wrong stay strings on purpose (see above), which the static type cannot express.
  return design as DatasetDesignInput;
}
