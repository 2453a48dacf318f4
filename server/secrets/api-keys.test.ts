import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { decryptApiKey, encryptApiKey, maskApiKey } from "./api-keys";
import { decryptWithKey, deriveKey, encryptWithKey, UndecryptableError } from "./cipher";

const secret = "a".repeat(32) + "-test-secret";
const other = "b".repeat(32) + "-other-secret";
const apiKey = "sk-test-0123456789abcdefXYZ";

function flip(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[0] = bytes[0]! ^ 0x01;
  return bytes.toString("base64");
}

describe("API key encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const ciphertext = encryptApiKey(apiKey, secret);
    expect(ciphertext).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(ciphertext).not.toContain(apiKey);
    expect(decryptApiKey(ciphertext, "c", secret)).toBe(apiKey);
  });

  it("uses a fresh IV each time, so equal keys give different ciphertexts", () => {
    const a = encryptApiKey(apiKey, secret);
    const b = encryptApiKey(apiKey, secret);
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
    expect(Buffer.from(a.split(":")[1]!, "base64")).toHaveLength(12);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const key = deriveKey(secret);
    const [version, iv, tag, data] = encryptWithKey(apiKey, key).split(":") as [string, string, string, string];
    for (const tampered of [
      [version, iv, tag, flip(data)],
      [version, iv, flip(tag), data],
      [version, flip(iv), tag, data],
    ]) {
      expect(() => decryptWithKey(tampered.join(":"), key)).toThrow(UndecryptableError);
    }
    expect(() => decryptWithKey(`v2:${iv}:${tag}:${data}`, key)).toThrow(UndecryptableError);
    expect(() => decryptWithKey("garbage", key)).toThrow(UndecryptableError);
  });

  it("refuses the wrong secret with a message that says to re-enter the key", () => {
    const ciphertext = encryptApiKey(apiKey, secret);
    let caught: unknown;
    try {
      decryptApiKey(ciphertext, "my-openai", other);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught)).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain('"my-openai"');
    expect(message).toMatch(/cannot be decrypted with this server's secret/);
    expect(message).toMatch(/Re-enter the key/);
    expect(message).not.toContain(apiKey);
  });

  it("round-trips unicode and long keys", () => {
    const long = `key-${"ü".repeat(500)}`;
    expect(decryptApiKey(encryptApiKey(long, secret), "c", secret)).toBe(long);
  });
});

describe("maskApiKey", () => {
  it("shows the first 3 and last 4 characters of keys of 12+ characters", () => {
    expect(maskApiKey("sk-proj-abcdefgh1234")).toBe("sk-…1234");
    expect(maskApiKey("123456789012")).toBe("123…9012");
  });

  it("shows nothing of short keys", () => {
    expect(maskApiKey("12345678901")).toBe("••••");
    expect(maskApiKey("x")).toBe("••••");
  });
});
