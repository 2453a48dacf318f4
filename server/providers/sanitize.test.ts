import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { describeProviderError, sanitizeProviderMessage } from "./sanitize";

describe("sanitizeProviderMessage", () => {
  it("removes the connection's own key wherever it appears", () => {
    const key = "my-very-own-key-123456";
    expect(sanitizeProviderMessage(`denied for ${key}; retry with ${key}`, [key])).toBe("denied for [redacted]; retry with [redacted]");
  });

  it("removes Authorization headers, api-key fields and query-string keys", () => {
    const text = sanitizeProviderMessage('headers {"Authorization": "Bearer abcdef123456", "x-api-key": "xyz-987654"} url https://x.test/v1?key=AIzaSyA123&alt=sse');
    expect(text).not.toMatch(/abcdef123456|xyz-987654|AIzaSyA123/);
    expect(text).toContain("[redacted]");
    expect(sanitizeProviderMessage("Authorization: Basic dXNlcjpwYXNz")).toBe("Authorization: [redacted]");
  });

  it("removes well-known key shapes even when the key is unknown", () => {
    expect(sanitizeProviderMessage("Incorrect API key provided: sk-proj-abcdefghijklmnop1234")).toBe("Incorrect API key provided: sk-[redacted]");
    expect(sanitizeProviderMessage("key AIzaSyD-abcdefghijklmnopqrstuvw is invalid")).toBe("key [redacted] is invalid");
  });

  it("keeps ordinary messages intact and truncates long ones to 500 characters", () => {
    expect(sanitizeProviderMessage("The model `gpt-5` does not exist\n  or you do not have access.")).toBe("The model `gpt-5` does not exist or you do not have access.");
    const long = sanitizeProviderMessage("x".repeat(2000));
    expect(long).toHaveLength(500);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("describeProviderError", () => {
  it("gives the HTTP status and the provider's message", () => {
    const error = new APICallError({ message: "Invalid API key", url: "https://api.test/v1/chat/completions", requestBodyValues: {}, statusCode: 401, responseBody: '{"error":{"message":"Invalid API key"}}' });
    expect(describeProviderError(error)).toMatch(/^HTTP 401: Invalid API key/);
  });

  it("names the network cause when there is no response", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const error = new APICallError({ message: "Cannot connect to API: connect ECONNREFUSED 127.0.0.1:1", url: "http://127.0.0.1:1/v1", requestBodyValues: {}, cause });
    expect(describeProviderError(error)).toContain("ECONNREFUSED");
  });
});
