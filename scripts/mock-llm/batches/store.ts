// The batch APIs' state: uploaded files and batches, in memory. A batch moves through its phases
// by the clock (options.batchCompletionMs from creation to end), and its requests are answered once,
// when it ends, by the same code that answers single requests. Which requests error or come back as
// broken JSON is drawn per custom_id from the seed, so a run repeats exactly.
import { truncateJson } from "../answer";
import type { ResolvedMockLlmOptions } from "../options";
import type { Protocol, Reply } from "../protocols/protocol";
import { answerRequest, completionOf } from "../respond";
import { createRngFor, hashString } from "../rng";

export type MockFile = { id: string; filename: string; purpose: string; content: string; createdAt: number };

export type BatchRequest = { customId: string; body: unknown };

/** What became of one request: the reply a single call would have got, or why there is none. */
export type Outcome = { customId: string } & ({ kind: "reply"; reply: Reply } | { kind: "error"; reply: Reply } | { kind: "expired" } | { kind: "cancelled" });

export type MockBatch = {
  id: string;
  requests: BatchRequest[];
  createdAt: number;
  metadata?: Record<string, string>;
  inputFileId?: string;
  /** Validation failures (OpenAI): the batch fails instead of running. */
  errors?: { code: string; message: string; line?: number }[];
  cancelledAt?: number;
  outcomes?: Outcome[];
  endedAt?: number;
};

export type Phase = "validating" | "in_progress" | "finalizing" | "completed" | "expired" | "cancelled" | "failed";

export type BatchStats = { created: number; requests: number; cancelled: number };

export function createBatchStore(options: ResolvedMockLlmOptions, stats: BatchStats) {
  const files = new Map<string, MockFile>();
  const batches = new Map<string, MockBatch>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${hashString(`${options.seed}:${prefix}:${counter}`).toString(36)}${(counter++).toString(36)}`;

  function phaseOf(batch: MockBatch, now = Date.now()): Phase {
    if (batch.errors) return "failed";
    if (batch.cancelledAt !== undefined) return "cancelled";
    const elapsed = now - batch.createdAt;
    const end = options.batchCompletionMs;
    if (elapsed >= end) return options.batchExpire ? "expired" : "completed";
    return elapsed < end / 3 ? "validating" : elapsed < (2 * end) / 3 ? "in_progress" : "finalizing";
  }

  const ended = (phase: Phase) => phase === "completed" || phase === "expired" || phase === "cancelled" || phase === "failed";

  /** Answers every request the first time the batch is seen ended; later reads get the same outcomes. */
  function outcomesOf<R>(batch: MockBatch, protocol: Protocol<R>): Outcome[] {
    if (batch.outcomes) return batch.outcomes;
    const phase = phaseOf(batch);
    const answered = phase === "expired" ? Math.ceil(batch.requests.length / 2) : phase === "cancelled" || phase === "failed" ? 0 : batch.requests.length;
    batch.outcomes = batch.requests.map((request, index): Outcome => {
      if (index >= answered) return { customId: request.customId, kind: phase === "expired" ? "expired" : "cancelled" };
      return { customId: request.customId, ...answerOne(protocol, request) };
    });
    batch.endedAt = Date.now();
    return batch.outcomes;
  }

  function answerOne<R>(protocol: Protocol<R>, request: BatchRequest): { kind: "reply"; reply: Reply } | { kind: "error"; reply: Reply } {
    const draw = createRngFor(options.seed, "batch-fault", request.customId).next();
    if (draw < options.batchErrors) return { kind: "error", reply: protocol.fail({ kind: "server_error" }) };
    const answered = answerRequest(protocol, request.body, {}, options);
    if ("failure" in answered) return { kind: "error", reply: protocol.fail(answered.failure) };
    if ("reply" in answered) return { kind: "error", reply: answered.reply };
    const { request: parsed, model, prompt, answer } = answered;
    const broken = draw < options.batchErrors + options.batchBrokenJson;
    const content = broken ? truncateJson(answer.content) : answer.content;
    const id = `batch${hashString(`${options.seed}:${request.customId}`).toString(36)}`;
    const rendered = protocol.render({ ...parsed, stream: false } as R, completionOf({ id, model, prompt, content, finishReason: answer.finishReason }));
    return "body" in rendered ? { kind: "reply", reply: { status: 200, body: rendered.body } } : { kind: "error", reply: protocol.fail({ kind: "server_error" }) };
  }

  return {
    files,
    batches,
    nextId,
    phaseOf,
    ended,
    outcomesOf,
    addFile(file: Omit<MockFile, "id" | "createdAt">, id = nextId("file-")): MockFile {
      const stored = { ...file, id, createdAt: Date.now() };
      files.set(id, stored);
      return stored;
    },
    addBatch(batch: Omit<MockBatch, "id" | "createdAt">, prefix: string): MockBatch {
      const stored = { ...batch, id: nextId(prefix), createdAt: Date.now() };
      batches.set(stored.id, stored);
      stats.created++;
      stats.requests += batch.requests.length;
      return stored;
    },
    /** Cancels a batch still running; false when it had ended already. */
    cancel(batch: MockBatch): boolean {
      if (ended(phaseOf(batch))) return false;
      batch.cancelledAt = Date.now();
      stats.cancelled++;
      return true;
    },
  };
}

export type BatchStore = ReturnType<typeof createBatchStore>;
