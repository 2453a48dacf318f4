// A local stand-in for an Argilla v2 server (argilla-server 2.x, REST /api/v1), for
// tests: the endpoints datafast calls, with the real server's rules and messages
// (fake-argilla-rules.ts) — API key or 401, names, fields/questions only before
// publish, publish needs a required field and question, records only once published,
// ≤500 per bulk, unknown fields rejected, suggestions by existing question id, upsert
// by external_id, question updates within Argilla's limits, searches sorted by record
// time — plus failure injection and annotators' responses. Loopback only.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { RECORDS_BULK_MAX, WORKSPACE_NAME_PATTERN } from "@/server/exports/argilla/api-types";
import {
  checkDescription,
  checkFields,
  checkMetadata,
  checkName,
  checkQuestionSettings,
  checkSuggestions,
  checkTitle,
  checkValue,
  HttpError,
  invalid,
  unprocessable,
  updateQuestion,
  type FakeField,
  type FakeMetadataProperty,
  type FakeQuestion,
  type FakeSuggestion,
} from "./fake-argilla-rules";

type User = { id: string; username: string; role: "owner" | "admin" | "annotator"; first_name: string };
type Workspace = { id: string; name: string };
type Dataset = { id: string; name: string; workspace_id: string; guidelines: string | null; status: "draft" | "ready"; allow_extra_metadata: boolean; fields: FakeField[]; questions: FakeQuestion[]; metadata: FakeMetadataProperty[] };
type FakeResponse = { id: string; user_id: string; status: "submitted" | "discarded" | "draft"; values: Record<string, { value: unknown }> | null; updated_at: string };
type Stamps = { inserted_at: string; updated_at: string };
export type FakeRecord = Stamps & { id: string; dataset_id: string; external_id: string | null; fields: Record<string, unknown>; metadata: Record<string, unknown>; suggestions: FakeSuggestion[]; responses: FakeResponse[] };

export type FakeArgilla = {
  url: string;
  apiKey: string;
  datasets: Map<string, Dataset>;
  workspaces: Workspace[];
  /** Sizes of every bulk upsert received (including refused ones). */
  bulkCalls: number[];
  records(datasetId: string): FakeRecord[];
  /** The `nth` bulk upsert from now answers `status` without storing anything. */
  failBulk(nth: number, status?: number): void;
  addWorkspace(name: string): Workspace;
  addUser(username: string): User;
  /** An annotator answers a record (found by external id), as the UI would: the server's response rules apply. */
  respond(datasetId: string, externalId: string, username: string, status: FakeResponse["status"], values?: Record<string, unknown>): void;
  close(): Promise<void>;
};

const now = () => new Date().toISOString();
const stamp = <T extends object>(value: T) => ({ ...value, inserted_at: now(), updated_at: now() });

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(422, [{ loc: ["body"], msg: "JSON decode error", type: "value_error.jsondecode" }]);
  }
}

export async function startFakeArgilla(options: { apiKey?: string } = {}): Promise<FakeArgilla> {
  const apiKey = options.apiKey ?? "argilla.apikey";
  const owner: User = { id: randomUUID(), username: "argilla", role: "owner", first_name: "Owner" };
  const users: User[] = [owner];
  const workspaces: Workspace[] = [];
  const datasets = new Map<string, Dataset>();
  const records: FakeRecord[] = [];
  // dataset id + external id → record: upserts and answers on 10,000-record datasets stay linear.
  const byExternalId = new Map<string, FakeRecord>();
  const externalKey = (datasetId: string, externalId: string) => `${datasetId}\n${externalId}`;
  const bulkCalls: number[] = [];
  const failures = new Map<number, number>();

  const dataset = (id: string) => {
    const found = datasets.get(id);
    if (!found) throw new HttpError(404, `Dataset with id \`${id}\` not found`);
    return found;
  };
  const publicDataset = (d: Dataset) => stamp({ id: d.id, name: d.name, guidelines: d.guidelines, allow_extra_metadata: d.allow_extra_metadata, status: d.status, workspace_id: d.workspace_id, distribution: { strategy: "overlap", min_submitted: 1 }, last_activity_at: now() });
  const withDataset = <T extends object>(d: Dataset, item: T) => stamp({ ...item, dataset_id: d.id });
  const recordJson = (r: FakeRecord, include: string[]) =>
    ({ inserted_at: r.inserted_at, updated_at: r.updated_at, id: r.id, dataset_id: r.dataset_id, external_id: r.external_id, fields: r.fields, metadata: r.metadata, ...(include.includes("responses") ? { responses: r.responses.map((x) => ({ ...x, record_id: r.id, inserted_at: x.updated_at })) } : {}), ...(include.includes("suggestions") ? { suggestions: r.suggestions.map((s) => stamp({ id: randomUUID(), type: "model", ...s })) } : {}) });

  function upsert(d: Dataset, body: Record<string, unknown>) {
    const bulk = bulkCalls.push(Array.isArray(body.items) ? body.items.length : 0);
    if (d.status !== "ready") throw unprocessable("records cannot be created for a non published dataset");
    const items = body.items;
    if (!Array.isArray(items) || items.length < 1 || items.length > RECORDS_BULK_MAX) throw invalid(["items"], `ensure this value has at least 1 and at most ${RECORDS_BULK_MAX} items`);
    const failure = failures.get(bulk);
    if (failure) throw new HttpError(failure, "Internal server error");
    const externalIds = items.map((item) => item.external_id).filter((id) => id != null);
    if (new Set(externalIds).size !== externalIds.length) throw invalid(["items"], "External IDs must be unique");
    // Validate the whole bulk before storing any of it: one bulk is one transaction.
    const planned = items.map((item, index) => {
      try {
        const existing = (item.external_id != null ? byExternalId.get(externalKey(d.id, String(item.external_id))) : undefined) ?? (item.id ? records.find((r) => r.dataset_id === d.id && r.id === item.id) : undefined);
        const fields = item.fields === undefined && existing ? existing.fields : checkFields(item.fields, d.fields);
        const metadata = checkMetadata(item.metadata, d.metadata);
        if (!d.allow_extra_metadata) for (const name of Object.keys(metadata)) if (!d.metadata.some((p) => p.name === name)) throw unprocessable(`metadata is not valid: '${name}' metadata property does not exists for dataset '${d.id}' and extra metadata is not allowed for this dataset`);
        return { existing, fields, metadata, suggestions: checkSuggestions(item.suggestions, d.questions), externalId: item.external_id ?? null };
      } catch (error) {
        if (error instanceof HttpError && typeof error.detail === "string") throw unprocessable(`Record at position ${index} is not valid because ${error.detail}`);
        throw error;
      }
    });
    const updated: string[] = [];
    const stored = planned.map((plan) => {
      if (plan.existing) {
        Object.assign(plan.existing, { fields: plan.fields, metadata: plan.metadata, suggestions: plan.suggestions, updated_at: now() });
        updated.push(plan.existing.id);
        return plan.existing;
      }
      const record: FakeRecord = { id: randomUUID(), dataset_id: d.id, external_id: plan.externalId, fields: plan.fields, metadata: plan.metadata, suggestions: plan.suggestions, responses: [], inserted_at: now(), updated_at: now() };
      records.push(record);
      if (record.external_id != null) byExternalId.set(externalKey(d.id, record.external_id), record);
      return record;
    });
    return { items: stored.map((r) => recordJson(r, ["suggestions"])), updated_item_ids: updated };
  }

  function search(d: Dataset, body: Record<string, unknown>, params: URLSearchParams) {
    const limit = Number(params.get("limit") ?? 50);
    const offset = Number(params.get("offset") ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpError(422, [{ loc: ["query", "limit"], msg: "ensure this value is less than or equal to 1000", type: "value_error" }]);
    const filters = ((body.filters as { and?: { type: string; scope: { entity: string; property?: string }; values: string[] }[] } | undefined)?.and ?? []);
    let matching = records.filter((r) => r.dataset_id === d.id);
    for (const filter of filters) {
      if (filter.type !== "terms" || filter.scope?.entity !== "response" || filter.scope.property !== "status") throw unprocessable(`unsupported filter ${JSON.stringify(filter)}`);
      matching = matching.filter((r) => r.responses.some((x) => filter.values.includes(x.status)));
    }
    // Order: by record inserted_at / updated_at (ties keep insertion order, like the index); other scopes are not used by datafast.
    for (const order of ((body.sort as { scope?: { entity?: string; property?: string }; order?: string }[] | undefined) ?? []).toReversed()) {
      const property = order.scope?.property;
      if (order.scope?.entity !== "record" || (property !== "inserted_at" && property !== "updated_at")) throw unprocessable(`unsupported sort ${JSON.stringify(order)}`);
      if (order.order !== "asc" && order.order !== "desc") throw invalid(["sort", "order"], "value is not a valid enumeration member; permitted: 'asc', 'desc'");
      const sign = order.order === "asc" ? 1 : -1;
      matching = matching.toSorted((a, b) => sign * (a[property] < b[property] ? -1 : a[property] > b[property] ? 1 : 0));
    }
    const include = params.getAll("include").flatMap((value) => value.split(","));
    return { items: matching.slice(offset, offset + limit).map((r) => ({ record: recordJson(r, include), query_score: null })), total: matching.length };
  }

  async function route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const parts = path.split("/").filter(Boolean);
    const body = method === "GET" ? {} : await readJson(req);
    const is = (m: string, pattern: string) => m === method && pattern.split("/").filter(Boolean).every((segment, i) => segment === "*" || segment === parts[i]) && pattern.split("/").filter(Boolean).length === parts.length;

    if (is("GET", "/me")) return [200, stamp({ ...owner, last_name: null, api_key: apiKey })];
    if (is("GET", "/me/workspaces")) return [200, { items: workspaces.map(stamp) }];
    if (is("POST", "/workspaces")) {
      const name = checkName(body.name, "name", WORKSPACE_NAME_PATTERN);
      if (workspaces.some((w) => w.name === name)) throw new HttpError(409, `Workspace name \`${name}\` is not unique`);
      const workspace = { id: randomUUID(), name };
      workspaces.push(workspace);
      return [201, stamp(workspace)];
    }
    if (is("GET", "/workspaces/*/users")) return [200, { items: users.map((u) => stamp({ ...u, last_name: null })) }];
    if (is("GET", "/me/datasets")) {
      const list = [...datasets.values()].filter((d) => (!url.searchParams.get("workspace_id") || d.workspace_id === url.searchParams.get("workspace_id")) && (!url.searchParams.get("name") || d.name === url.searchParams.get("name")));
      return [200, { items: list.map(publicDataset) }];
    }
    if (is("POST", "/datasets")) {
      if (typeof body.name !== "string" || body.name.length < 1 || body.name.length > 200) throw invalid(["name"], "ensure this value has 1 to 200 characters");
      const workspaceId = String(body.workspace_id ?? "");
      if (!workspaces.some((w) => w.id === workspaceId)) throw unprocessable(`Workspace with id \`${workspaceId}\` not found`);
      if ([...datasets.values()].some((d) => d.name === body.name && d.workspace_id === workspaceId)) throw new HttpError(409, `Dataset with name \`${body.name}\` already exists for workspace with id \`${workspaceId}\``);
      const created: Dataset = { id: randomUUID(), name: body.name, workspace_id: workspaceId, guidelines: typeof body.guidelines === "string" ? body.guidelines : null, status: "draft", allow_extra_metadata: body.allow_extra_metadata !== false, fields: [], questions: [], metadata: [] };
      datasets.set(created.id, created);
      return [201, publicDataset(created)];
    }
    if (parts[0] === "datasets" && parts[1]) {
      const d = dataset(parts[1]);
      if (is("GET", "/datasets/*")) return [200, publicDataset(d)];
      if (is("GET", "/datasets/*/fields")) return [200, { items: d.fields.map((f) => withDataset(d, f)) }];
      if (is("GET", "/datasets/*/questions")) return [200, { items: d.questions.map((q) => withDataset(d, q)) }];
      if (is("POST", "/datasets/*/fields")) {
        // Body validation (pydantic) answers before the dataset's state is looked at.
        const name = checkName(body.name, "name");
        const settings = body.settings as FakeField["settings"] | undefined;
        if (settings?.type !== "text" && settings?.type !== "chat") throw invalid(["settings", "type"], `unexpected field type ${JSON.stringify(settings?.type)}`);
        const title = checkTitle(body.title);
        if (d.status === "ready") throw unprocessable("Field cannot be created for a published dataset");
        if (d.fields.some((f) => f.name === name)) throw new HttpError(409, `Field with name \`${name}\` already exists for dataset with id \`${d.id}\``);
        const field: FakeField = { id: randomUUID(), name, title, required: body.required !== false, settings: { type: settings.type, use_markdown: settings.use_markdown === true } };
        d.fields.push(field);
        return [201, withDataset(d, field)];
      }
      if (is("POST", "/datasets/*/questions")) {
        const name = checkName(body.name, "name");
        const title = checkTitle(body.title);
        const settings = checkQuestionSettings(body.settings as Record<string, unknown>);
        if (d.status === "ready") throw unprocessable("Question cannot be created for a published dataset");
        if (d.questions.some((q) => q.name === name)) throw new HttpError(409, `Question with name \`${name}\` already exists for dataset with id \`${d.id}\``);
        const question: FakeQuestion = { id: randomUUID(), name, title, description: checkDescription(body.description), required: body.required !== false, settings };
        d.questions.push(question);
        return [201, withDataset(d, question)];
      }
      if (is("POST", "/datasets/*/metadata-properties")) {
        const name = checkName(body.name, "name");
        const settings = body.settings as FakeMetadataProperty["settings"] | undefined;
        if (!settings || !["terms", "integer", "float"].includes(settings.type)) throw invalid(["settings", "type"], "unexpected metadata property type");
        if (d.metadata.some((p) => p.name === name)) throw new HttpError(409, `Metadata property with name \`${name}\` already exists for dataset with id \`${d.id}\``);
        const property: FakeMetadataProperty = { id: randomUUID(), name, title: checkTitle(body.title), settings, visible_for_annotators: body.visible_for_annotators !== false };
        d.metadata.push(property);
        return [201, withDataset(d, property)];
      }
      if (is("PUT", "/datasets/*/publish")) {
        if (d.status === "ready") throw unprocessable("Dataset is already published");
        if (!d.fields.some((f) => f.required)) throw unprocessable("Dataset cannot be published without required fields");
        if (!d.questions.some((q) => q.required)) throw unprocessable("Dataset cannot be published without required questions");
        d.status = "ready";
        return [200, publicDataset(d)];
      }
      if (is("PUT", "/datasets/*/records/bulk")) return [200, upsert(d, body)];
      if (is("POST", "/datasets/*/records/search")) return [200, search(d, body, url.searchParams)];
      if (is("GET", "/datasets/*/records")) {
        const page = search(d, {}, url.searchParams);
        return [200, { items: page.items.map((item) => item.record), total: page.total }];
      }
    }
    if ((is("PATCH", "/questions/*") || is("DELETE", "/questions/*")) && parts[1]) {
      const owner = [...datasets.values()].find((d) => d.questions.some((q) => q.id === parts[1]));
      const question = owner?.questions.find((q) => q.id === parts[1]);
      if (!owner || !question) throw new HttpError(404, `Question with id \`${parts[1]}\` not found`);
      if (method === "PATCH") {
        updateQuestion(question, body);
        return [200, withDataset(owner, question)];
      }
      // validators/questions.py, QuestionDeleteValidator.
      if (owner.status === "ready") throw unprocessable("questions cannot be deleted for a published dataset");
      owner.questions = owner.questions.filter((q) => q.id !== question.id);
      return [200, withDataset(owner, question)];
    }
    if (is("GET", "/me/datasets/*/metadata-properties")) return [200, { items: dataset(parts[2]!).metadata.map((p) => withDataset(dataset(parts[2]!), p)) }];
    throw new HttpError(404, "Not Found");
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers["x-argilla-api-key"] !== apiKey) return answer(401, { detail: "Could not validate credentials" });
    route(req, url).then(
      ([status, body]) => answer(status, body),
      (error) => (error instanceof HttpError ? answer(error.status, { detail: error.detail }) : answer(500, { detail: String(error) })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    datasets,
    workspaces,
    bulkCalls,
    records: (datasetId) => records.filter((r) => r.dataset_id === datasetId),
    failBulk: (nth, status = 500) => failures.set(bulkCalls.length + nth, status),
    addWorkspace: (name) => {
      const workspace = { id: randomUUID(), name: checkName(name, "name", WORKSPACE_NAME_PATTERN) };
      workspaces.push(workspace);
      return workspace;
    },
    addUser: (username) => {
      const user: User = { id: randomUUID(), username, role: "annotator", first_name: username };
      users.push(user);
      return user;
    },
    respond: (datasetId, externalId, username, status, values = {}) => {
      const d = dataset(datasetId);
      const record = byExternalId.get(externalKey(datasetId, externalId));
      const user = users.find((u) => u.username === username);
      if (!record || !user) throw new Error(`No record ${externalId} or user ${username} in the fake Argilla.`);
      for (const [name, value] of Object.entries(values)) {
        const question = d.questions.find((q) => q.name === name);
        if (!question) throw new Error(`question ${name} does not exist`);
        checkValue(question, value, status === "submitted");
      }
      if (status === "submitted") for (const q of d.questions) if (q.required && !(q.name in values)) throw new Error(`missing response value for required question with name='${q.name}'`);
      const response: FakeResponse = { id: randomUUID(), user_id: user.id, status, values: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }])), updated_at: now() };
      record.responses = [...record.responses.filter((x) => x.user_id !== user.id), response];
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
