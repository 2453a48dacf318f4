// Which address a request comes from, decided once where the socket is known
// (the Node server in scripts/start.ts) and handed on as the only
// X-Forwarded-For value, which is what better-auth's sign-in limit keys on.
// Served directly, a client's own X-Forwarded-For is ignored: otherwise a new
// made-up address per attempt would dodge the limit. Behind a proxy
// (DATAFAST_TRUST_PROXY=1), the last entry is the one that proxy added: the
// address it saw, whatever the client wrote before it.
import type { IncomingMessage } from "node:http";

/** `::ffff:1.2.3.4` (IPv4 on an IPv6 socket) as `1.2.3.4`. */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const entries = [forwardedFor ?? []].flat().join(",").split(",").map((entry) => entry.trim()).filter(Boolean);
    if (entries.length > 0) return plainAddress(entries.at(-1)!);
  }
  return remoteAddress ? plainAddress(remoteAddress) : undefined;
}

/** Replaces the request's X-Forwarded-For with the one address the server vouches for. */
export function pinClientAddress(request: IncomingMessage, trustProxy: boolean): void {
  const address = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustProxy);
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
}

/** DATAFAST_TRUST_PROXY: unset, 0/false (served directly) or 1/true (behind a reverse proxy). */
export function trustProxyFrom(value: string | undefined): boolean {
  const normalized = (value ?? "").trim().toLowerCase();
  if (["", "0", "false", "no"].includes(normalized)) return false;
  if (["1", "true", "yes"].includes(normalized)) return true;
  throw new Error(`DATAFAST_TRUST_PROXY must be 1 (datafast sits behind a reverse proxy that sets X-Forwarded-For) or 0 (served directly); got "${value}".`);
}
