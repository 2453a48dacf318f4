// Bearer secrets (API tokens, invitation and password reset links): random, with a recognizable
// prefix so leaked ones are easy to find in logs and repositories, and stored
// only as their SHA-256 — a database dump does not let anyone sign in.
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "dft_";
export const INVITATION_PREFIX = "dfi_";
export const PASSWORD_RESET_PREFIX = "dfr_";

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSecretToken(prefix: string): { token: string; hash: string; lastFour: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecretToken(token), lastFour: token.slice(-4) };
}
