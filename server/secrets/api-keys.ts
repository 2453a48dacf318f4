// API keys at rest: encrypted with the server secret, decrypted only to make a
// call or to compute a masked preview. Plaintext keys are never logged or returned.
import { AppError } from "@/server/errors";
import { decryptWithKey, deriveKey, encryptWithKey, UndecryptableError } from "./cipher";
import { getServerSecret } from "./server-secret";

export function encryptApiKey(apiKey: string, secret = getServerSecret()): string {
  return encryptWithKey(apiKey, deriveKey(secret));
}

/** `connection` names the key's owner in the error, so the user knows which key to re-enter. */
export function decryptApiKey(ciphertext: string, connection: string, secret = getServerSecret()): string {
  try {
    return decryptWithKey(ciphertext, deriveKey(secret));
  } catch (error) {
    if (!(error instanceof UndecryptableError)) throw error;
    throw new AppError(
      "PRECONDITION_FAILED",
      `The stored API key of connection "${connection}" cannot be decrypted with this server's secret (DATAFAST_SECRET or .data/secret changed since the key was saved). Re-enter the key under Settings → Connections.`,
      [{ path: "apiKey", message: "This key cannot be decrypted with this server's secret; enter it again." }],
    );
  }
}

/** Enough to recognise a key ("sk-…abcd"), never enough to use it; short keys show nothing. */
export function maskApiKey(apiKey: string): string {
  return apiKey.length >= 12 ? `${apiKey.slice(0, 3)}…${apiKey.slice(-4)}` : "••••";
}
