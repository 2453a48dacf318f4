// Stored API keys for calls: the registry asks by connection id at call time,
// so keys never travel in work-item payloads, job messages or logs.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isAppError } from "@/server/errors";
import { LlmError } from "@/server/llm/errors";
import { decryptApiKey } from "@/server/secrets/api-keys";
import { findCiphertext } from "./queries";

// Short, so a key changed in the web process reaches other workers quickly,
// while a busy worker does not hit the database and scrypt-derived key per call.
const TTL_MS = 30_000;
const cache = new Map<string, { key: string | undefined; expiresAt: number }>();

/** The decrypted key of a connection, or undefined when it has none stored. */
export async function getConnectionApiKey(db: PrismaClient, connectionId: string): Promise<string | undefined> {
  const hit = cache.get(connectionId);
  if (hit && hit.expiresAt > Date.now()) return hit.key;
  const row = await findCiphertext(db, connectionId);
  if (!row) {
    throw new LlmError({ kind: "config", retryable: false, message: `The provider connection ${connectionId} no longer exists. Create it again under Settings → Connections, or point the design at another connection.` });
  }
  let key: string | undefined;
  try {
    key = row.apiKeyCiphertext ? decryptApiKey(row.apiKeyCiphertext, row.name) : undefined;
  } catch (error) {
    // A key that cannot be decrypted will not decrypt on retry either: fail the call as a configuration error.
    if (isAppError(error)) throw new LlmError({ kind: "config", retryable: false, message: error.message, cause: error });
    throw error;
  }
  cache.set(connectionId, { key, expiresAt: Date.now() + TTL_MS });
  return key;
}

/** Called when a connection's key changes or it is deleted, so this process stops using the old key at once. */
export function forgetConnectionApiKey(connectionId: string): void {
  cache.delete(connectionId);
}
