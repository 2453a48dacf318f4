// What datafast sends to Argilla (argilla-server 2.x, REST /api/v1): the request
// bodies of fields, questions, metadata properties, records and searches, and the
// server's name rules, shared by the client, the pure mapping and the fake server.

/** PUT /datasets/{id}/records/bulk takes 1 to 500 records (RECORDS_BULK_UPSERT_MAX_ITEMS). */
export const RECORDS_BULK_MAX = 500;
/** Question and metadata property names (and the workspace rule is similar): lowercase letters, digits, - and _. */
export const ARGILLA_NAME_PATTERN = /^(?=.*[a-z0-9])[a-z0-9_-]+$/;
export const ARGILLA_NAME_MAX = 200;
/** Workspace names (ES index rule as argilla-server 2.x rewrote it). */
export const WORKSPACE_NAME_PATTERN = /^[a-z0-9][a-z0-9-_]*$/;
/** Suggestion agents: letters, digits, - _ : . / and spaces, 1–200 characters. */
export const AGENT_PATTERN = /^(?=.*[a-zA-Z0-9])[a-zA-Z0-9\-_:./\s]+$/;
export const CHAT_MESSAGE_MAX = 20_000;

export type ArgillaFieldCreate = {
  name: string;
  title: string;
  required: boolean;
  settings: { type: "text"; use_markdown: boolean } | { type: "chat"; use_markdown: boolean };
};

export type ArgillaOption = { value: string; text: string; description?: string };

export type ArgillaQuestionSettings =
  | { type: "text"; use_markdown: boolean }
  | { type: "rating"; options: { value: number }[] }
  | { type: "label_selection"; options: ArgillaOption[] }
  | { type: "multi_label_selection"; options: ArgillaOption[]; options_order?: "natural" | "suggestion" }
  | { type: "ranking"; options: ArgillaOption[] };

export type ArgillaQuestionCreate = { name: string; title: string; description?: string; required: boolean; settings: ArgillaQuestionSettings };

export type ArgillaMetadataPropertyCreate = {
  name: string;
  title: string;
  settings: { type: "terms"; values?: string[] | null } | { type: "integer"; min?: number; max?: number } | { type: "float"; min?: number; max?: number };
  visible_for_annotators: boolean;
};

export type ArgillaChatMessage = { role: string; content: string };
export type ArgillaRankingValue = { value: string; rank: number }[];
export type ArgillaValue = string | number | string[] | ArgillaRankingValue;

export type ArgillaSuggestion = { question_id: string; value: ArgillaValue; agent?: string; score?: number | number[] };

export type ArgillaRecordUpsert = {
  external_id: string;
  fields: Record<string, string | ArgillaChatMessage[] | null>;
  metadata?: Record<string, string | number>;
  suggestions?: ArgillaSuggestion[];
};

export type ArgillaTermsFilter = { type: "terms"; scope: { entity: "response"; property: "status" }; values: ("submitted" | "discarded" | "draft")[] };
/** Sorting by a record property (`inserted_at` never changes once the record exists). */
export type ArgillaRecordOrder = { scope: { entity: "record"; property: "inserted_at" | "updated_at" }; order: "asc" | "desc" };
export type ArgillaSearchQuery = { filters?: { and: ArgillaTermsFilter[] }; sort?: ArgillaRecordOrder[] };

/**
 * PATCH /questions/{id} (argilla-server QuestionUpdate): title, description and, per
 * type, what its settings update schema lists. Option values and their number stay
 * fixed; rating and ranking settings take no options at all (see question-sync.ts).
 */
export type ArgillaQuestionUpdate = {
  title?: string;
  description?: string | null;
  settings?:
    | { type: "text"; use_markdown?: boolean }
    | { type: "label_selection"; options?: ArgillaOption[] }
    | { type: "multi_label_selection"; options?: ArgillaOption[]; options_order?: "natural" | "suggestion" };
};
