import "server-only";
import { isAppError, type AppErrorCode } from "./errors";
import { logger } from "./logger";

const statusOf: Record<AppErrorCode, number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PRECONDITION_FAILED: 412, TOO_MANY_REQUESTS: 429, INTERNAL: 500 };

/** Route handlers answer errors the same way procedures do: AppError → its status, anything else → 500 without details. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return Response.json({ error: error.message, issues: error.issues }, { status: statusOf[error.code] });
  logger.error("route handler failed", { error: String((error as Error)?.stack ?? error) });
  return Response.json({ error: "Something went wrong on the server. The details are in the server log." }, { status: 500 });
}

/** An async iterable of strings (UTF-8 encoded) or bytes as a streamed HTTP body. */
export function streamBody(lines: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        logger.error("stream failed", { error: String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
