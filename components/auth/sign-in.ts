// The browser's sign-in call to better-auth (/api/auth/sign-in/email): on
// success the server sets the httpOnly session cookie; nothing is kept in JS.
export async function signInWithPassword(email: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const response = await fetch("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  }).catch(() => null);
  if (!response) return { ok: false, message: "Could not reach the server. Check that datafast is running and try again." };
  if (response.ok) return { ok: true };
  if (response.status === 429) {
    const wait = Number(response.headers.get("x-retry-after"));
    return { ok: false, message: `Too many sign-in attempts. Wait ${Number.isFinite(wait) && wait > 0 ? `${wait} seconds` : "a minute"} and try again.` };
  }
  if (response.status === 401) return { ok: false, message: "Wrong email or password." };
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return { ok: false, message: body?.message ?? `Sign-in failed (HTTP ${response.status}).` };
}
