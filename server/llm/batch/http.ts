// Plain HTTP for the batch APIs (the AI SDK's provider packages make single
// calls only). Failures become LlmErrors with the online path's classification:
// 429/5xx/network are retryable, other 4xx final.
import { APICallError } from "ai";
import { classifyLlmError } from "../errors";

export type Endpoint = { baseURL: string; headers: Record<string, string>; model: string };

/** Request timeout of one batch API call; an upload of a 200 MB file needs the most. */
const TIMEOUT_MS = 10 * 60_000;

async function send(endpoint: Endpoint, url: string, init: RequestInit): Promise<Response> {
  const context = { model: endpoint.model, baseURL: endpoint.baseURL };
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...endpoint.headers, ...(init.headers as Record<string, string>) }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw classifyLlmError(error, context);
  }
  if (response.ok) return response;
  const body = await response.text().catch(() => "");
  throw classifyLlmError(
    new APICallError({ message: messageOf(body) ?? response.statusText, url, requestBodyValues: {}, statusCode: response.status, responseHeaders: Object.fromEntries(response.headers), responseBody: body }),
    context,
  );
}

/** The provider's own error message ({error: {message}} for both OpenAI and Anthropic). */
function messageOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string" ? parsed.error.message : undefined;
  } catch {
    return undefined;
  }
}

export function urlOf(endpoint: Endpoint, path: string): string {
  return `${endpoint.baseURL.replace(/\/+$/, "")}${path}`;
}

export async function requestJson<T>(endpoint: Endpoint, url: string, init: RequestInit = {}): Promise<T> {
  return (await (await send(endpoint, url, init)).json()) as T;
}

/** A JSONL response, one parsed value per line, read as it streams (result files can be hundreds of MB). */
export async function* jsonLines(endpoint: Endpoint, url: string): AsyncIterable<unknown> {
  const response = await send(endpoint, url, { method: "GET" });
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    buffered += next.value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim() !== "") yield JSON.parse(line);
  }
  if (buffered.trim() !== "") yield JSON.parse(buffered);
}
