// A typed client for the Argilla v2 server's REST API, followed as argilla-server 2.x
// (2.4–2.8) serves it under /api/v1: auth by the X-Argilla-Api-Key header, errors as
// {"detail": "..."} (or FastAPI's list of validation issues), records upserted in bulks
// of at most 500 with PUT /datasets/{id}/records/bulk. Every answer is checked with zod.
import "server-only";
import { z } from "zod";
import {
  type ArgillaFieldCreate,
  type ArgillaMetadataPropertyCreate,
  type ArgillaQuestionCreate,
  type ArgillaQuestionUpdate,
  type ArgillaRecordUpsert,
  type ArgillaSearchQuery,
  RECORDS_BULK_MAX,
} from "./api-types";

const TIMEOUT_MS = 60_000;

const userSchema = z.object({ id: z.string(), username: z.string(), role: z.string() });
const workspaceSchema = z.object({ id: z.string(), name: z.string() });
const datasetSchema = z.object({ id: z.string(), name: z.string(), status: z.string(), workspace_id: z.string() });
const namedSchema = z.object({ id: z.string(), name: z.string() });
const optionSchema = z.object({ value: z.unknown(), text: z.string().optional(), description: z.string().nullable().optional() });
/** A question as Argilla stores it: what a re-push compares with the design's question. */
const questionSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string().nullable().optional(),
  required: z.boolean(),
  settings: z.looseObject({ type: z.string(), options: z.array(optionSchema).optional(), options_order: z.string().optional(), use_markdown: z.boolean().optional() }),
});
export type ArgillaQuestion = z.infer<typeof questionSchema>;
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

const responseSchema = z.object({
  id: z.string(),
  status: z.enum(["submitted", "discarded", "draft"]),
  user_id: z.string().nullable().optional(),
  values: z.record(z.string(), z.object({ value: z.unknown() })).nullable().optional(),
  updated_at: z.string().optional(),
});
export type ArgillaResponse = z.infer<typeof responseSchema>;

const recordSchema = z.object({
  id: z.string(),
  external_id: z.string().nullable().optional(),
  fields: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  responses: z.array(responseSchema).nullable().optional(),
  suggestions: z.array(z.object({ question_id: z.string(), value: z.unknown(), agent: z.string().nullable().optional(), score: z.unknown().optional() })).nullable().optional(),
});
export type ArgillaRecord = z.infer<typeof recordSchema>;

const bulkSchema = z.object({ items: z.array(recordSchema), updated_item_ids: z.array(z.string()).optional() });
const searchSchema = z.object({ items: z.array(z.object({ record: recordSchema })), total: z.number() });

export type ArgillaDataset = z.infer<typeof datasetSchema>;

/** A refused call: the HTTP status and Argilla's own detail, both in the message. */
export class ArgillaApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(`Argilla answered ${status} to ${method} ${path}: ${detail}`);
    this.name = "ArgillaApiError";
  }
}

function describeDetail(body: unknown, fallback: string): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return detail;
  // FastAPI validation errors: [{loc: [...], msg: "..."}]
  if (Array.isArray(detail)) return detail.map((issue) => `${(issue?.loc ?? []).join(".")}: ${issue?.msg ?? JSON.stringify(issue)}`).join("; ");
  if (detail && typeof detail === "object") return JSON.stringify(detail);
  return fallback;
}

export type ArgillaClientOptions = { url: string; apiKey: string; timeoutMs?: number };

export function createArgillaClient(options: ArgillaClientOptions) {
  const base = options.url.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;

  async function call<T extends z.ZodType>(method: string, path: string, schema: T, body?: unknown): Promise<z.infer<T>> {
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { "X-Argilla-Api-Key": options.apiKey, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ArgillaApiError(0, `the server at ${base} could not be reached (${(error as Error).message})`, method, path);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML error page): the text itself becomes the detail.
    }
    if (!response.ok) throw new ArgillaApiError(response.status, describeDetail(json, text.slice(0, 300) || response.statusText), method, path);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ArgillaApiError(response.status, `unexpected answer (${z.prettifyError(parsed.error).slice(0, 300)}); is ${base} an Argilla v2 server?`, method, path);
    return parsed.data;
  }

  const q = (value: string) => encodeURIComponent(value);

  return {
    url: base,
    me: () => call("GET", "/me", userSchema),
    listWorkspaces: async () => (await call("GET", "/me/workspaces", items(workspaceSchema))).items,
    createWorkspace: (name: string) => call("POST", "/workspaces", workspaceSchema, { name }),
    listWorkspaceUsers: async (workspaceId: string) => (await call("GET", `/workspaces/${q(workspaceId)}/users`, items(userSchema))).items,
    listDatasets: async (filter: { workspaceId?: string; name?: string }) => {
      const params = new URLSearchParams();
      if (filter.workspaceId) params.set("workspace_id", filter.workspaceId);
      if (filter.name) params.set("name", filter.name);
      return (await call("GET", `/me/datasets?${params}`, items(datasetSchema))).items;
    },
    getDataset: (datasetId: string) => call("GET", `/datasets/${q(datasetId)}`, datasetSchema),
    createDataset: (input: { name: string; workspaceId: string; guidelines?: string }) =>
      call("POST", "/datasets", datasetSchema, { name: input.name, workspace_id: input.workspaceId, guidelines: input.guidelines, allow_extra_metadata: true }),
    listFields: async (datasetId: string) => (await call("GET", `/datasets/${q(datasetId)}/fields`, items(namedSchema.extend({ required: z.boolean().optional() })))).items,
    createField: (datasetId: string, field: ArgillaFieldCreate) => call("POST", `/datasets/${q(datasetId)}/fields`, namedSchema, field),
    listQuestions: async (datasetId: string) => (await call("GET", `/datasets/${q(datasetId)}/questions`, items(questionSchema))).items,
    createQuestion: (datasetId: string, question: ArgillaQuestionCreate) => call("POST", `/datasets/${q(datasetId)}/questions`, namedSchema, question),
    updateQuestion: (questionId: string, update: ArgillaQuestionUpdate) => call("PATCH", `/questions/${q(questionId)}`, questionSchema, update),
    /** Only while the dataset is a draft: Argilla refuses it once published. */
    deleteQuestion: (questionId: string) => call("DELETE", `/questions/${q(questionId)}`, namedSchema),
    listMetadataProperties: async (datasetId: string) => (await call("GET", `/me/datasets/${q(datasetId)}/metadata-properties`, items(namedSchema))).items,
    createMetadataProperty: (datasetId: string, property: ArgillaMetadataPropertyCreate) => call("POST", `/datasets/${q(datasetId)}/metadata-properties`, namedSchema, property),
    publishDataset: (datasetId: string) => call("PUT", `/datasets/${q(datasetId)}/publish`, datasetSchema),
    upsertRecords: (datasetId: string, records: ArgillaRecordUpsert[]) => {
      if (records.length === 0 || records.length > RECORDS_BULK_MAX) throw new RangeError(`A bulk upsert carries 1 to ${RECORDS_BULK_MAX} records, not ${records.length}.`);
      return call("PUT", `/datasets/${q(datasetId)}/records/bulk`, bulkSchema, { items: records });
    },
    /** One page of records matching the query, with their responses (all users') and suggestions. */
    searchRecords: (datasetId: string, query: ArgillaSearchQuery, page: { offset: number; limit: number }) =>
      call("POST", `/datasets/${q(datasetId)}/records/search?include=responses&include=suggestions&offset=${page.offset}&limit=${page.limit}`, searchSchema, query),
  };
}

export type ArgillaClient = ReturnType<typeof createArgillaClient>;
