// The sign-in door: better-auth with email + password (scrypt hashes), sessions
// in Postgres, sign-in rate limited per client address. Sign-up through
// better-auth is off: accounts are made only by /setup (the first owner) and
// invitations (server/auth/accounts.ts), which write the same tables.
import "server-only";
import { createHmac } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "@/server/db";
import { getDb } from "@/server/db";
import { getAuthEnv } from "@/server/env";
import { getServerSecret } from "@/server/secrets/server-secret";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/account-schemas";

export const AUTH_BASE_PATH = "/api/auth";
export const SESSION_COOKIE = "datafast.session_token";

export type AuthOptions = {
  db: Db;
  secret: string;
  /** The public address; https makes cookies Secure. Unset: each request's own origin. */
  baseURL?: string;
  signInLimitPerMinute: number;
};

/**
 * Without a configured address, the origin the browser reached: its Host header
 * (and the proxy's protocol). better-auth refuses a POST whose Origin differs,
 * so a form on another site cannot sign anyone in or out.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? url.protocol.replace(":", "");
  return `${protocol}://${host}`;
}

export function createAuth(options: AuthOptions) {
  return betterAuth({
    trustedOrigins: options.baseURL ? [new URL(options.baseURL).origin] : (request) => (request ? [requestOrigin(request)] : []),
    appName: "datafast",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    // Passwords change only through account.changePassword (attempt limit, typed twice) and owners' reset links (server/auth/passwords.ts).
    // verify-password would let a stolen session guess the password past that limit; update-user would let anyone take
    // another person's display name (reviews record it) or an `argilla:` one; email changes and self-deletion are not offered.
    disabledPaths: ["/change-password", "/set-password", "/request-password-reset", "/reset-password", "/verify-password", "/update-user", "/change-email", "/delete-user"],
    user: { additionalFields: { role: { type: ["annotator", "editor", "owner"], required: false, input: false, defaultValue: "annotator" } } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      // On in every mode: login must be limited in dev and tests too, not only in production.
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: options.signInLimitPerMinute } },
    },
    advanced: {
      cookiePrefix: "datafast",
      useSecureCookies: options.baseURL?.startsWith("https:") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // better-auth skips its origin check when NODE_ENV is test; tests must see what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The cookie-signing secret: BETTER_AUTH_SECRET, else derived from the server secret, so a fresh install needs no setup. */
export function authSecret(serverSecret: string, override?: string): string {
  if (override) return override;
  return createHmac("sha256", serverSecret).update("datafast/better-auth/v1").digest("base64url");
}

const globalForAuth = globalThis as unknown as { datafastAuth?: Auth };

export function getAuth(): Auth {
  if (globalForAuth.datafastAuth) return globalForAuth.datafastAuth;
  const env = getAuthEnv();
  globalForAuth.datafastAuth = createAuth({
    db: getDb(),
    secret: authSecret(getServerSecret(), env.BETTER_AUTH_SECRET),
    baseURL: env.DATAFAST_URL,
    signInLimitPerMinute: env.AUTH_SIGN_IN_LIMIT,
  });
  return globalForAuth.datafastAuth;
}
