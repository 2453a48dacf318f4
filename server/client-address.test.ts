import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, pinClientAddress, trustProxyFrom } from "./client-address";

describe("clientAddress", () => {
  it("served directly: the socket's address, whatever the client claims", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", false)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, false)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1", "198.51.100.1", false)).toBe("2001:db8::1");
  });

  it("behind a proxy: the last X-Forwarded-For entry (the one the proxy added)", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", ["198.51.100.1", "203.0.113.7 "], true)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, true)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", " , ", true)).toBe("10.0.0.2");
  });
});

describe("pinClientAddress", () => {
  const request = (remoteAddress: string | undefined, forwardedFor?: string) => ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

  it("leaves one address in X-Forwarded-For", () => {
    const direct = request("203.0.113.7", "1.1.1.1, 2.2.2.2");
    pinClientAddress(direct, false);
    expect(direct.headers["x-forwarded-for"]).toBe("203.0.113.7");
    const proxied = request("10.0.0.2", "1.1.1.1, 2.2.2.2");
    pinClientAddress(proxied, true);
    expect(proxied.headers["x-forwarded-for"]).toBe("2.2.2.2");
  });

  it("drops a claimed address when the socket has none", () => {
    const closed = request(undefined, "1.1.1.1");
    pinClientAddress(closed, false);
    expect(closed.headers["x-forwarded-for"]).toBeUndefined();
  });
});

describe("trustProxyFrom", () => {
  it("reads 1/0, true/false, and refuses anything else with the fix", () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom("0")).toBe(false);
    expect(trustProxyFrom("TRUE")).toBe(true);
    expect(() => trustProxyFrom("maybe")).toThrow(/DATAFAST_TRUST_PROXY must be 1 .* got "maybe"/);
  });
});
