// The Hugging Face dataset viewer API (/splits, /size, /rows): typed answers, and
// its errors turned into messages that say what to do. The token goes only into
// the Authorization header; every message is sanitized so it can never leak.
import { z } from "zod";
import { pause } from "@/server/db-errors";
import { AppError } from "@/server/errors";
import { sanitizeProviderMessage } from "@/server/providers/sanitize";

export type HubClientOptions = {
  /** The dataset viewer API, e.g. https://datasets-server.huggingface.co */
  baseUrl: string;
  /** The Hub, for links in messages, e.g. https://huggingface.co */
  hubUrl: string;
  token?: string;
  signal?: AbortSignal;
  /** Delay before retrying a 429/5xx answer (doubled each time); tests use 0. */
  retryDelayMs?: number;
};

const RETRIES = 2;
const TIMEOUT_MS = 30_000;

const splitsSchema = z.object({ splits: z.array(z.object({ dataset: z.string(), config: z.string(), split: z.string() })) });
const sizeSchema = z.object({
  size: z.object({ splits: z.array(z.object({ config: z.string(), split: z.string(), num_rows: z.number().int().min(0) })) }),
  partial: z.boolean().optional(),
});
const rowsSchema = z.object({
  features: z.array(z.object({ name: z.string() })).default([]),
  rows: z.array(z.object({ row_idx: z.number().int().min(0), row: z.record(z.string(), z.unknown()) })),
  num_rows_total: z.number().int().min(0).optional(),
});

export type HubSplit = z.infer<typeof splitsSchema>["splits"][number];
export type HubRows = z.infer<typeof rowsSchema>;

function datasetPage(options: HubClientOptions, dataset: string): string {
  return `${options.hubUrl.replace(/\/+$/, "")}/datasets/${dataset}`;
}

async function errorText(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
  } catch {
    // Not JSON (a proxy's HTML page): the raw text, sanitized and capped below.
  }
  return body || response.statusText;
}

function hubError(options: HubClientOptions, dataset: string, status: number, text: string): AppError {
  const said = sanitizeProviderMessage(text, [options.token]);
  if (status === 401 || status === 403) {
    return new AppError("BAD_REQUEST", `The Hub dataset "${dataset}" was not found, or it is gated or private (the dataset viewer answered ${status}: ${said}). Check the id at ${datasetPage(options, dataset)}; for a gated or private dataset, accept its terms on the Hub and set a Hub token.`);
  }
  if (status === 404) {
    return new AppError("NOT_FOUND", `The Hub dataset "${dataset}" was not found${options.token ? " with this token" : ""} (the dataset viewer answered 404: ${said}). Check the dataset id, config and split at ${datasetPage(options, dataset)}${options.token ? ", and that the token may read the dataset" : "; for a gated or private dataset, set a Hub token"}.`);
  }
  if (status === 422) return new AppError("BAD_REQUEST", `The dataset viewer rejected the request for "${dataset}" (422: ${said}).`);
  if (status >= 500 || status === 429) return new AppError("PRECONDITION_FAILED", `The dataset viewer could not serve "${dataset}" right now (${status}: ${said}). Try again later; some datasets are not supported by the viewer at all.`);
  return new AppError("BAD_REQUEST", `The dataset viewer answered ${status} for "${dataset}": ${said}`);
}

async function getJson<T>(options: HubClientOptions, path: string, params: Record<string, string | number>, schema: z.ZodType<T>): Promise<T> {
  const dataset = String(params.dataset);
  const url = new URL(`${options.baseUrl.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(TIMEOUT_MS);
      response = await fetch(url, { headers, signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const detail = sanitizeProviderMessage(cause?.code ?? cause?.message ?? (error as Error).message, [options.token]);
      throw new AppError("PRECONDITION_FAILED", `The dataset viewer at ${url.origin} could not be reached (${detail}). Check the network, or HF_DATASETS_SERVER_URL.`);
    }
    if (response.ok) {
      const parsed = schema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) throw new AppError("PRECONDITION_FAILED", `The dataset viewer sent an unexpected answer to ${path} for "${dataset}"; is HF_DATASETS_SERVER_URL the dataset viewer API?`);
      return parsed.data;
    }
    const text = await errorText(response);
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt >= RETRIES) throw hubError(options, dataset, response.status, text);
    await pause((options.retryDelayMs ?? 1000) * 2 ** attempt, options.signal);
  }
}

export async function fetchSplits(options: HubClientOptions, dataset: string): Promise<HubSplit[]> {
  return (await getJson(options, "/splits", { dataset }, splitsSchema)).splits;
}

/** Rows of one split, or undefined when /size does not list it. */
export async function fetchSplitSize(options: HubClientOptions, dataset: string, config: string, split: string): Promise<number | undefined> {
  const size = await getJson(options, "/size", { dataset, config }, sizeSchema);
  return size.size.splits.find((entry) => entry.config === config && entry.split === split)?.num_rows;
}

export const MAX_ROWS_PER_REQUEST = 100;

export async function fetchRows(options: HubClientOptions, target: { dataset: string; config: string; split: string }, offset: number, length: number): Promise<HubRows> {
  if (length < 1 || length > MAX_ROWS_PER_REQUEST) throw new Error(`fetchRows: length ${length} is outside 1..${MAX_ROWS_PER_REQUEST}`);
  return getJson(options, "/rows", { ...target, offset, length }, rowsSchema);
}
