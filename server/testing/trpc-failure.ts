// What integration tests expect of a refused call: it rejects with a TRPCError.
// The recorder also keeps every answer and error text, so a test can check at
// the end that no secret ever appeared in any of them.
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

export async function trpcFailure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

export function responseRecorder() {
  const responses: unknown[] = [];
  return {
    responses,
    async record<T>(promise: Promise<T>): Promise<T> {
      const value = await promise;
      responses.push(value);
      return value;
    },
    async failure(promise: Promise<unknown>): Promise<TRPCError> {
      const error = await trpcFailure(promise);
      responses.push({ message: error.message, cause: String(error.cause) });
      return error;
    },
  };
}
