import { describe, expect, it } from "vitest";
import { apiContentSecurityPolicy, contentSecurityPolicy, securityHeaders } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("content security policy", () => {
  it("allows scripts only from this origin with the response's nonce, never inline or eval in production", () => {
    const policy = directives(contentSecurityPolicy("abc123", { dev: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  it("adds eval only for the dev server's source maps", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("sends nosniff and no framing on every response, and a deny-all policy on API answers", () => {
    expect(securityHeaders).toContainEqual({ key: "X-Content-Type-Options", value: "nosniff" });
    expect(securityHeaders).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
    expect(directives(apiContentSecurityPolicy).get("default-src")).toEqual(["'none'"]);
  });
});
