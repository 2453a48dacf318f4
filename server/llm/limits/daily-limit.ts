import { LlmError } from "@/server/llm/errors";
import type { LimitedRef } from "./types";

function inWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Not retryable: retrying before midnight UTC cannot succeed, so the item fails (or is parked) with this reason. */
export function dailyLimitError(ref: LimitedRef, used: number, resetsInMs: number): LlmError {
  const name = ref.connectionName ?? ref.connectionId;
  return new LlmError({
    kind: "daily_limit",
    retryable: false,
    message: `Daily request limit reached for connection ${name}: ${used} of ${ref.limits.rpd} requests used today (UTC). It resets at 00:00 UTC, in ${inWords(resetsInMs)}; no call was made.`,
  });
}
