// The validation rules of argilla-server 2.x (REST /api/v1) that the fake Argilla
// enforces, with the server's own messages: names, question settings and updates,
// record fields, metadata, suggestions and response values.
import { AGENT_PATTERN, ARGILLA_NAME_MAX, ARGILLA_NAME_PATTERN, CHAT_MESSAGE_MAX } from "@/server/exports/argilla/api-types";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
}

/** FastAPI's request validation answer: 422 with a list of issues. */
export const invalid = (loc: (string | number)[], msg: string) => new HttpError(422, [{ loc: ["body", ...loc], msg, type: "value_error" }]);
export const unprocessable = (message: string) => new HttpError(422, message);

export type FakeQuestion = { id: string; name: string; title: string; description: string | null; required: boolean; settings: Record<string, unknown> & { type: string } };
export type FakeField = { id: string; name: string; title: string; required: boolean; settings: { type: string; use_markdown?: boolean } };
export type FakeMetadataProperty = { id: string; name: string; title: string; settings: { type: string; values?: string[] | null; min?: number; max?: number }; visible_for_annotators: boolean };

export function checkName(value: unknown, loc: string, pattern = ARGILLA_NAME_PATTERN): string {
  if (typeof value !== "string" || value.length < 1 || value.length > ARGILLA_NAME_MAX) throw invalid([loc], `ensure this value has 1 to ${ARGILLA_NAME_MAX} characters`);
  if (!pattern.test(value)) throw invalid([loc], `string does not match regex "${pattern.source}"`);
  return value;
}

export function checkTitle(value: unknown): string {
  if (typeof value !== "string" || value.length < 1 || value.length > 500) throw invalid(["title"], "ensure this value has 1 to 500 characters");
  return value;
}

type Option = { value: unknown; text: unknown };

function checkOptions(options: unknown, min: number, max: number): Option[] {
  if (!Array.isArray(options) || options.length < min || options.length > max) throw invalid(["settings", "options"], `ensure this value has ${min} to ${max} items`);
  const values = options.map((option: Option) => option?.value);
  if (new Set(values).size !== values.length) throw unprocessable(`Option values must be unique, found duplicates: ${values.join(", ")}`);
  return options;
}

export function checkQuestionSettings(settings: Record<string, unknown> | undefined): FakeQuestion["settings"] {
  switch (settings?.type) {
    case "text":
      return { type: "text", use_markdown: settings.use_markdown === true };
    case "rating": {
      const options = checkOptions(settings.options, 2, 11);
      if (options.some((option) => !Number.isInteger(option.value) || (option.value as number) < 0 || (option.value as number) > 10)) throw invalid(["settings", "options"], "rating values are integers from 0 to 10");
      return { type: "rating", options };
    }
    case "label_selection":
    case "multi_label_selection":
      for (const option of checkOptions(settings.options, 2, 500)) {
        if (typeof option.value !== "string" || option.value.length < 1 || option.value.length > 200) throw invalid(["settings", "options", "value"], "ensure this value has 1 to 200 characters");
        if (typeof option.text !== "string" || option.text.length < 1 || option.text.length > 500) throw invalid(["settings", "options", "text"], "ensure this value has 1 to 500 characters");
      }
      return { ...settings, type: settings.type };
    case "ranking":
      checkOptions(settings.options, 2, 50);
      return { ...settings, type: "ranking" };
    default:
      throw invalid(["settings", "type"], `unexpected question type ${JSON.stringify(settings?.type)}`);
  }
}

const optionValues = (settings: FakeQuestion["settings"]) => (settings.options as Option[]).map((option) => option.value);

/** ResponseValueValidator: what a value must be for its question (submitted: a ranking ranks every option). */
export function checkValue(question: FakeQuestion, value: unknown, submitted: boolean): void {
  const { settings } = question;
  if (settings.type === "text" && typeof value !== "string") throw unprocessable(`text question expects a text value, found ${typeof value}`);
  if (settings.type === "label_selection" && !optionValues(settings).includes(value)) throw unprocessable(`'${String(value)}' is not a valid label for label selection question.\nValid labels are: ${JSON.stringify(optionValues(settings))}`);
  if (settings.type === "multi_label_selection") {
    if (!Array.isArray(value) || value.length === 0) throw unprocessable("multi label selection questions expects a list of values, found empty list");
    if (new Set(value).size !== value.length) throw unprocessable("multi label selection questions expect a list of unique values, but duplicates were found");
    const bad = value.filter((item) => !optionValues(settings).includes(item));
    if (bad.length) throw unprocessable(`${JSON.stringify(bad)} are not valid labels for multi label selection question.\nValid labels are: ${JSON.stringify(optionValues(settings))}`);
  }
  if (settings.type === "rating" && !optionValues(settings).includes(value)) throw unprocessable(`${String(value)} is not a valid rating for rating question.\nValid ratings are: ${JSON.stringify(optionValues(settings))}`);
  if (settings.type === "ranking") {
    if (!Array.isArray(value)) throw unprocessable(`ranking question expects a list of values, found ${typeof value}`);
    const values = value.map((item) => item?.value);
    const bad = values.filter((item) => !optionValues(settings).includes(item));
    if (bad.length) throw unprocessable(`${JSON.stringify(bad)} are not valid values for ranking question.\nValid values are: ${JSON.stringify(optionValues(settings))}`);
    if (new Set(values).size !== values.length) throw unprocessable("ranking question expects a list of unique values, but duplicates were found");
    if (submitted && values.length !== optionValues(settings).length) throw unprocessable(`ranking question expects a list containing ${optionValues(settings).length} values, found a list of ${values.length} values`);
  }
}

export function checkFields(fields: unknown, configured: FakeField[]): Record<string, unknown> {
  if (!fields || typeof fields !== "object" || Object.keys(fields).length === 0) throw unprocessable("fields cannot be empty");
  const values = fields as Record<string, unknown>;
  for (const field of configured) if (field.required && (values[field.name] === undefined || values[field.name] === null)) throw unprocessable(`missing required value for field: '${field.name}'`);
  const extra = Object.keys(values).filter((name) => !configured.some((field) => field.name === name));
  if (extra.length) throw unprocessable(`found fields values for non configured fields: ${JSON.stringify(extra)}`);
  for (const field of configured) {
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    if (field.settings.type === "text" && typeof value !== "string") throw invalid(["items", "fields", field.name], "str type expected");
    if (field.settings.type === "chat") {
      const ok = Array.isArray(value) && value.every((m) => typeof m?.role === "string" && m.role.length >= 1 && m.role.length <= 20 && typeof m?.content === "string" && m.content.length >= 1 && m.content.length <= CHAT_MESSAGE_MAX);
      if (!ok) throw unprocessable(`chat field '${field.name}' value must be a list of messages`);
    }
  }
  return values;
}

export function checkMetadata(metadata: unknown, properties: FakeMetadataProperty[]): Record<string, unknown> {
  const values = (metadata ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    const property = properties.find((p) => p.name === name);
    if (!property || value === null) continue;
    const fail = (why: string) => unprocessable(`metadata is not valid: '${name}' metadata property validation failed because ${why}`);
    if (property.settings.type === "terms") {
      if (typeof value !== "string") throw fail(`'${String(value)}' is not a valid term`);
      if (property.settings.values && !property.settings.values.includes(value)) throw fail(`'${value}' is not an allowed term.`);
    } else if (typeof value !== "number" || (property.settings.type === "integer" && !Number.isInteger(value))) throw fail(`'${String(value)}' is not an ${property.settings.type}`);
  }
  return values;
}

export type FakeSuggestion = { question_id: string; value: unknown; agent?: string; score?: number | number[] };

export function checkSuggestions(suggestions: unknown, questions: FakeQuestion[]): FakeSuggestion[] {
  const list = (suggestions ?? []) as FakeSuggestion[];
  const wrap = (why: string) => unprocessable(`record does not have valid suggestions: ${why}`);
  if (new Set(list.map((s) => s.question_id)).size !== list.length) throw wrap("found duplicate suggestions question IDs");
  for (const suggestion of list) {
    const question = questions.find((q) => q.id === suggestion.question_id);
    if (!question) throw wrap(`question id=${String(suggestion.question_id)} does not exists`);
    try {
      checkValue(question, suggestion.value, false);
    } catch (error) {
      throw wrap((error as HttpError).message);
    }
    if (suggestion.agent !== undefined && (typeof suggestion.agent !== "string" || suggestion.agent.length > 200 || !AGENT_PATTERN.test(suggestion.agent))) throw invalid(["items", "suggestions", "agent"], `string does not match regex "${AGENT_PATTERN.source}"`);
    const scores = suggestion.score === undefined ? [] : Array.isArray(suggestion.score) ? suggestion.score : [suggestion.score];
    if (scores.some((score) => typeof score !== "number" || score < 0 || score > 1)) throw invalid(["items", "suggestions", "score"], "ensure this value is between 0 and 1");
    if (Array.isArray(suggestion.value) && suggestion.score !== undefined && !Array.isArray(suggestion.score)) throw wrap("a single score value is not allowed for a suggestion with a multiple items value");
  }
  return list;
}

/** QuestionCreate's description: absent, or 1 to 1,000 characters (schemas/v1/questions.py, QuestionDescription). */
export function checkDescription(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length < 1 || value.length > 1000) throw invalid(["description"], "ensure this value has 1 to 1000 characters");
  return value;
}

const pyList = (values: unknown[]) => `[${values.map((value) => `'${String(value)}'`).join(", ")}]`;

/**
 * PATCH /api/v1/questions/{id}, as argilla-server 2.x does it: QuestionUpdate (title,
 * description, settings; title and settings never null) whose settings schema per type
 * keeps only what may change (rating and ranking: nothing but `type`, so options sent
 * are dropped), then QuestionUpdateValidator (validators/questions.py): same type, and
 * for label questions the same number of options with the same values (texts,
 * descriptions and order may change), visible_options ≤ options. The settings dict is
 * merged key by key into the stored one (models/mixins.py, CRUDMixin.fill). Allowed on
 * published datasets.
 */
export function updateQuestion(question: FakeQuestion, body: Record<string, unknown>): void {
  const nulls = ["title", "settings"].filter((key) => key in body && body[key] === null);
  if (nulls.length) throw invalid([], `The following keys must have non-null values: ${nulls.join(", ")}`);
  const title = body.title === undefined ? question.title : checkTitle(body.title);
  const description = "description" in body ? checkDescription(body.description) : question.description;
  let settings = question.settings;
  const update = body.settings as Record<string, unknown> | undefined;
  if (update) {
    if (!["text", "rating", "label_selection", "multi_label_selection", "ranking"].includes(update.type as string)) throw invalid(["settings", "type"], `unexpected question type ${JSON.stringify(update.type)}`);
    const allowed: Record<string, string[]> = { text: ["use_markdown"], rating: [], ranking: [], label_selection: ["options", "visible_options"], multi_label_selection: ["options", "visible_options", "options_order"] };
    const changes = Object.fromEntries(Object.entries(update).filter(([key]) => allowed[update.type as string]!.includes(key)));
    if (changes.options !== undefined) {
      const options = changes.options as Option[];
      if (!Array.isArray(options) || options.length < 2 || options.length > 500) throw invalid(["settings", "options"], "ensure this value has 2 to 500 items");
      if (options.some((option) => typeof option?.value !== "string" || typeof option?.text !== "string")) throw invalid(["settings", "options"], "value and text are strings");
    }
    if (changes.visible_options !== undefined && changes.visible_options !== null && (!Number.isInteger(changes.visible_options) || (changes.visible_options as number) < 3)) {
      throw invalid(["settings", "visible_options"], "ensure this value is greater than or equal to 3");
    }
    if (settings.type !== update.type) throw unprocessable(`question type cannot be changed. expected '${settings.type}' but got '${String(update.type)}'`);
    const labelled = settings.type === "label_selection" || settings.type === "multi_label_selection";
    if (labelled && changes.options !== undefined) {
      const before = optionValues(settings).map(String).sort();
      const after = (changes.options as Option[]).map((option) => String(option.value)).sort();
      if (before.length !== after.length) throw unprocessable(`the number of options cannot be modified. expected ${before.length} but got ${after.length}`);
      const unexpected = after.filter((value, index) => value !== before[index]);
      if (unexpected.length) throw unprocessable(`the option values cannot be modified. found unexpected option values: ${pyList(unexpected)}`);
    }
    if (labelled && typeof changes.visible_options === "number" && changes.visible_options > optionValues(settings).length) {
      throw unprocessable(`the value for 'visible_options' must be less or equal to the number of items in 'options' (${optionValues(settings).length})`);
    }
    settings = { ...settings, ...changes, type: settings.type };
  }
  Object.assign(question, { title, description, settings });
}
