// Pure: one row → one Argilla record. external_id is the row id, which makes a bulk
// upsert idempotent (a re-push updates the same record); suggestions carry the
// question ids Argilla gave the questions and the generating model as agent.
import { AGENT_PATTERN, CHAT_MESSAGE_MAX, type ArgillaRecordUpsert, type ArgillaSuggestion } from "./api-types";
import { CORRECTNESS, QUESTION, RANKING_OPTIONS, type ArgillaSettings, type FieldPlan } from "./settings";

export type PushRow = { id: string; data: Record<string, unknown>; model: string; language: string; variables: unknown };

/** Agent names allow letters, digits, - _ : . / and spaces; anything else becomes "-". */
export function agentName(model: string): string | undefined {
  const agent = model.replace(/[^a-zA-Z0-9\-_:./\s]/g, "-").slice(0, 200);
  return AGENT_PATTERN.test(agent) ? agent : undefined;
}

function textValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.map((item, index) => `${index + 1}. ${item}`).join("\n");
  return JSON.stringify(value);
}

function chatValue(value: unknown) {
  if (!Array.isArray(value)) return null;
  return value.map((message) => {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    const text = typeof content === "string" && content !== "" ? content : " ";
    // Argilla caps a chat message at 20,000 characters; the record is a review copy, the row keeps the whole text.
    return { role: typeof role === "string" && role ? role.slice(0, 20) : "user", content: text.length > CHAT_MESSAGE_MAX ? `${text.slice(0, CHAT_MESSAGE_MAX - 1)}…` : text };
  });
}

function fieldValue(field: FieldPlan, data: Record<string, unknown>) {
  return field.settings.type === "chat" ? chatValue(data[field.key]) : textValue(data[field.key]);
}

function labelSuggestion(settings: ArgillaSettings, data: Record<string, unknown>): ArgillaSuggestion["value"] | undefined {
  const question = settings.questions.find((q) => q.name === QUESTION.label);
  if (!question || (question.settings.type !== "label_selection" && question.settings.type !== "multi_label_selection")) return undefined;
  const options = new Set(question.settings.options.map((option) => option.value));
  if (question.settings.type === "label_selection") return typeof data.label === "string" && options.has(data.label) ? data.label : undefined;
  const labels = Array.isArray(data.labels) ? data.labels : [data.label];
  const known = [...new Set(labels.filter((label): label is string => typeof label === "string" && options.has(label)))];
  return known.length > 0 ? known : undefined;
}

function suggestionValues(settings: ArgillaSettings, data: Record<string, unknown>): Partial<Record<string, ArgillaSuggestion["value"]>> {
  switch (settings.type) {
    case "classification":
      return { [QUESTION.label]: labelSuggestion(settings, data) };
    case "preference":
      // The generation's verdict: chosen ranked first.
      return { [QUESTION.ranking]: [{ value: RANKING_OPTIONS.chosen, rank: 1 }, { value: RANKING_OPTIONS.rejected, rank: 2 }] };
    case "reasoning":
      return { [QUESTION.correctness]: data.verified === true ? CORRECTNESS.correct : data.verified === false ? CORRECTNESS.incorrect : undefined };
    default:
      return {};
  }
}

function metadataOf(settings: ArgillaSettings, row: PushRow): Record<string, string> {
  const variables = row.variables && typeof row.variables === "object" ? (row.variables as Record<string, unknown>) : {};
  const metadata: Record<string, string> = {};
  for (const property of settings.metadata) {
    const value = property.source.kind === "model" ? row.model : property.source.kind === "language" ? row.language : variables[property.source.variable];
    if (value === undefined || value === null || value === "") continue;
    metadata[property.name] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return metadata;
}

/** `questionIds`: question name → the id Argilla gave it (a suggestion names its question by id). */
export function buildRecord(row: PushRow, settings: ArgillaSettings, questionIds: Record<string, string>): ArgillaRecordUpsert {
  const fields = Object.fromEntries(settings.fields.map((field) => [field.name, fieldValue(field, row.data)]));
  const agent = agentName(row.model);
  const suggestions: ArgillaSuggestion[] = [];
  for (const [question, value] of Object.entries(suggestionValues(settings, row.data))) {
    const questionId = questionIds[question];
    if (value === undefined || !questionId) continue;
    suggestions.push({ question_id: questionId, value, ...(agent ? { agent } : {}) });
  }
  return { external_id: row.id, fields, metadata: metadataOf(settings, row), suggestions };
}
