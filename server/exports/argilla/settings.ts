// Pure: what an Argilla dataset looks like for each dataset type — its fields (where
// each row value is shown), its questions (what reviewers answer) and its metadata
// properties (what they filter on). Names follow Argilla's rules ([a-z0-9_-], ≤200).
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { reviewDesignInfo, type ReviewDesignInfo } from "@/lib/review/row-edits";
import { ARGILLA_NAME_MAX, type ArgillaFieldCreate, type ArgillaMetadataPropertyCreate, type ArgillaOption, type ArgillaQuestionCreate } from "./api-types";

/** An Argilla field and the row data key it shows. */
export type FieldPlan = ArgillaFieldCreate & { key: string };
/** A correction question: its text replaces the row's `key` (parsed as the field's type for transform). */
export type CorrectionPlan = { question: string; key: string; parse: "text" | "number" | "boolean" };
/** A metadata property and what fills it. */
export type MetadataPlan = ArgillaMetadataPropertyCreate & { source: { kind: "model" } | { kind: "language" } | { kind: "variable"; variable: string } };

export type ArgillaSettings = {
  type: DatasetTypeName;
  guidelines: string;
  fields: FieldPlan[];
  questions: ArgillaQuestionCreate[];
  corrections: CorrectionPlan[];
  metadata: MetadataPlan[];
};

export const QUESTION = { label: "label", quality: "quality", ranking: "ranking", correctness: "correctness" } as const;
/** Offered when a classification design has a single label (Argilla needs two options): choosing it rejects the row. */
export const NONE_OPTION = "none-of-these";
export const RANKING_OPTIONS = { chosen: "chosen", rejected: "rejected" } as const;
export const CORRECTNESS = { correct: "correct", incorrect: "incorrect" } as const;

/** `Tone of Voice` → `tone_of_voice`; never empty, never longer than Argilla allows, never a name already taken. */
export function argillaName(raw: string, taken: Set<string> = new Set()): string {
  const base = raw.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, ARGILLA_NAME_MAX - 4) || "field";
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

const title = (text: string) => text.slice(0, 500);
const textField = (key: string, fieldTitle: string, required: boolean, taken: Set<string>): FieldPlan => ({
  key,
  name: argillaName(key, taken),
  title: title(fieldTitle),
  required,
  // Generated text is untrusted: shown as plain text, never rendered as markdown.
  settings: { type: "text", use_markdown: false },
});

const rating: ArgillaQuestionCreate = {
  name: QUESTION.quality,
  title: "How good is this row?",
  description: "1 = unusable, 5 = excellent. Discard the record to reject the row.",
  required: true,
  settings: { type: "rating", options: [1, 2, 3, 4, 5].map((value) => ({ value })) },
};

function correction(key: string, label: string, questions: ArgillaQuestionCreate[], corrections: CorrectionPlan[], taken: Set<string>, parse: CorrectionPlan["parse"] = "text") {
  const name = argillaName(`${key}_correction`, taken);
  const hint = parse === "text" ? "Leave empty to keep it." : `Leave empty to keep it; write a ${parse === "number" ? "number" : "true or false"}.`;
  questions.push({ name, title: title(`Corrected ${label} (optional)`), description: hint, required: false, settings: { type: "text", use_markdown: false } });
  corrections.push({ question: name, key, parse });
}

function labelQuestion(info: ReviewDesignInfo): ArgillaQuestionCreate {
  const options: ArgillaOption[] = info.labels.map((label) => ({ value: label.name, text: label.name, ...(label.description ? { description: label.description.slice(0, 1000) } : {}) }));
  if (options.length < 2) options.push({ value: NONE_OPTION, text: "None of these", description: "The text fits no label: the row is rejected." });
  return info.multiLabel
    ? { name: QUESTION.label, title: "Which labels fit this text?", required: true, settings: { type: "multi_label_selection", options, options_order: "natural" } }
    : { name: QUESTION.label, title: "Which label fits this text?", required: true, settings: { type: "label_selection", options } };
}

type TypePlan = { fields: FieldPlan[]; questions: ArgillaQuestionCreate[]; corrections: CorrectionPlan[] };

function planType(type: DatasetTypeName, info: ReviewDesignInfo, inputColumns: readonly string[]): TypePlan {
  const taken = new Set<string>();
  const questionNames = new Set<string>(Object.values(QUESTION));
  const questions: ArgillaQuestionCreate[] = [];
  const corrections: CorrectionPlan[] = [];
  switch (type) {
    case "classification":
      questions.push(labelQuestion(info));
      correction("text", "text", questions, corrections, questionNames);
      return { fields: [textField("text", "Text", true, taken)], questions, corrections };
    case "text":
      questions.push(rating);
      correction("text", "text", questions, corrections, questionNames);
      return { fields: [textField("text", "Text", true, taken)], questions, corrections };
    case "conversation":
      questions.push(rating);
      return { fields: [{ key: "messages", name: "messages", title: "Conversation", required: true, settings: { type: "chat", use_markdown: false } }], questions, corrections };
    case "mcq":
      questions.push(rating);
      correction("instruction", "question", questions, corrections, questionNames);
      correction("answer", "answer", questions, corrections, questionNames);
      return {
        fields: [textField("instruction", "Question", true, taken), textField("answer", "Correct answer", true, taken), textField("distractors", "Distractors (wrong answers)", true, taken)],
        questions,
        corrections,
      };
    case "preference":
      questions.push({
        name: QUESTION.ranking,
        title: "Rank the two responses (1 = better)",
        description: "Rank the rejected response first to swap the pair.",
        required: true,
        settings: { type: "ranking", options: [{ value: RANKING_OPTIONS.chosen, text: "Chosen response" }, { value: RANKING_OPTIONS.rejected, text: "Rejected response" }] },
      });
      return { fields: [textField("instruction", "Instruction", true, taken), textField("chosen", "Chosen response", true, taken), textField("rejected", "Rejected response", true, taken)], questions, corrections };
    case "reasoning":
      questions.push({
        name: QUESTION.correctness,
        title: "Is the answer correct?",
        description: "An incorrect answer without a correction rejects the row.",
        required: true,
        settings: { type: "label_selection", options: [{ value: CORRECTNESS.correct, text: "Correct" }, { value: CORRECTNESS.incorrect, text: "Incorrect" }] },
      });
      correction("answer", "answer", questions, corrections, questionNames);
      return { fields: [textField("instruction", "Problem", true, taken), textField("reasoning", "Reasoning", true, taken), textField("answer", "Answer", true, taken)], questions, corrections };
    case "transform": {
      questions.push(rating);
      const outputs = info.outputFields.map((field) => textField(field.name, `Output: ${field.name}`, false, taken));
      const inputs = inputColumns.filter((column) => !info.outputFields.some((field) => field.name === column)).map((column) => textField(column, `Input: ${column}`, false, taken));
      // Argilla publishes only with a required field; the first output is always generated.
      const fields = [...inputs, ...outputs].map((field, index) => (index === inputs.length ? { ...field, required: true } : field));
      for (const field of info.outputFields) correction(field.name, field.name, questions, corrections, questionNames, field.type === "number" ? "number" : field.type === "boolean" ? "boolean" : "text");
      return { fields, questions, corrections };
    }
  }
}

function planMetadata(variables: readonly string[]): MetadataPlan[] {
  const taken = new Set<string>(["model", "language"]);
  const terms = { type: "terms" as const, values: null };
  return [
    { name: "model", title: "Model", settings: terms, visible_for_annotators: true, source: { kind: "model" } },
    { name: "language", title: "Language", settings: terms, visible_for_annotators: true, source: { kind: "language" } },
    ...variables.map((variable): MetadataPlan => ({ name: argillaName(`var_${variable}`, taken), title: title(`Variable: ${variable}`), settings: terms, visible_for_annotators: true, source: { kind: "variable", variable } })),
  ];
}

function designVariables(design: unknown): string[] {
  const variables = (design as { variables?: unknown } | null)?.variables;
  return variables && typeof variables === "object" && !Array.isArray(variables) ? Object.keys(variables) : [];
}

/**
 * The Argilla dataset of a datafast dataset. `inputColumns`: a transform's source
 * columns (from its rows), ignored by the other types.
 */
export function buildArgillaSettings(input: { type: DatasetTypeName; name: string; design: unknown; inputColumns?: readonly string[] }): ArgillaSettings {
  const info = reviewDesignInfo(input.design);
  const plan = planType(input.type, info, input.inputColumns ?? []);
  const guidelines = [
    `Review the rows of the datafast ${input.type} dataset "${input.name}".`,
    "Submit a record to accept its row (with your answers and any corrections); discard it to reject the row.",
    "Suggestions come from the model that generated the row.",
  ].join("\n\n");
  return { type: input.type, guidelines, ...plan, metadata: planMetadata(designVariables(input.design)) };
}

/** The dataset's name in Argilla: readable and unique per datafast dataset, so a lost link is found again by name. */
export function argillaDatasetName(name: string, datasetId: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "dataset";
  return `${slug}-${datasetId.slice(0, 8)}`;
}
