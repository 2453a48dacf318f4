// The Content-Security-Policy of every page: scripts only from this origin and
// with this response's nonce ('strict-dynamic' lets Next's own chunks load the
// rest), no plugins, no framing, forms and fetches to this origin only. Styles
// allow inline: CodeMirror and Recharts set style attributes at run time, and a
// style cannot run code.
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's dev build evaluates source maps with eval(); production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries (next.config.ts). */
export const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
] as const;

/** API answers are data, never documents: nothing in them may run or be framed. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
