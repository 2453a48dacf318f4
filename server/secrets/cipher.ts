// AES-256-GCM for API keys at rest. GCM authenticates as well as encrypts, so a
// tampered ciphertext or the wrong secret fails loudly instead of yielding garbage.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Domain separation: a ciphertext made for another purpose with the same secret never decrypts as an API key.
const AAD = Buffer.from("datafast:api-key:v1");
// Fixed salt: the secret itself is random (or ≥32 chars), and every process must derive the same key.
const SALT = "datafast/api-keys";

export class UndecryptableError extends Error {
  override name = "UndecryptableError";
}

const derived = new Map<string, Buffer>();

/** scrypt rather than a bare hash, so a guessable DATAFAST_SECRET still costs an attacker dearly; cached since it takes ~50 ms. */
export function deriveKey(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, SALT, 32, { N: 2 ** 14, r: 8, p: 1 });
    derived.clear();
    derived.set(secret, key);
  }
  return key;
}

/** `v1:<iv>:<tag>:<ciphertext>`, base64 parts, a fresh random IV each time (GCM must never reuse one). */
export function encryptWithKey(plaintext: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ciphertext.toString("base64")].join(":");
}

export function decryptWithKey(payload: string, key: Buffer): string {
  const [version, iv64, tag64, data64, ...rest] = payload.split(":");
  if (version !== VERSION || iv64 === undefined || tag64 === undefined || data64 === undefined || rest.length > 0) {
    throw new UndecryptableError("not a v1 ciphertext");
  }
  const iv = Buffer.from(iv64, "base64");
  const tag = Buffer.from(tag64, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new UndecryptableError("bad IV or tag length");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(data64, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new UndecryptableError("authentication failed");
  }
}
