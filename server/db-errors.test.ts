import { describe, expect, it } from "vitest";
import { isDbUnavailable, retryWhileDbUnavailable, throttledLog } from "./db-errors";

describe("isDbUnavailable", () => {
  it("recognises a database that is away, in the shapes pg and Prisma's adapter report it", () => {
    expect(isDbUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDbUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDbUnavailable({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" })).toBe(true);
    expect(isDbUnavailable({ code: "P2010", message: "Raw query failed.", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P03", originalCode: "57P03" } } } })).toBe(true);
    expect(isDbUnavailable({ code: "P2010", message: "Raw query failed.", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
  });

  it("leaves real query errors alone", () => {
    expect(isDbUnavailable(Object.assign(new Error('duplicate key value violates unique constraint "rows_pkey"'), { code: "23505" }))).toBe(false);
    expect(isDbUnavailable({ code: "P2010", message: "Raw query failed.", meta: { driverAdapterError: { cause: { kind: "postgres", code: "42P01" } } } })).toBe(false);
    expect(isDbUnavailable(new Error("texts must contain exactly 5 items"))).toBe(false);
    expect(isDbUnavailable(undefined)).toBe(false);
  });
});

describe("retryWhileDbUnavailable", () => {
  it("repeats the step while the database is away, then returns its answer", async () => {
    let calls = 0;
    const answer = await retryWhileDbUnavailable(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      return "done";
    });
    expect(answer).toBe("done");
    expect(calls).toBe(3);
  });

  it("passes any other error on at once, and stops when aborted", async () => {
    await expect(retryWhileDbUnavailable(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const abort = new AbortController();
    abort.abort();
    await expect(retryWhileDbUnavailable(async () => Promise.reject(Object.assign(new Error("down"), { code: "57P01" })), { signal: abort.signal })).rejects.toThrow("down");
  });
});

describe("throttledLog", () => {
  it("logs a repeated condition once per interval, counting what it left out", () => {
    const lines: string[] = [];
    let now = 0;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const log = throttledLog((line) => lines.push(line), 1000);
      log("db", "down");
      log("db", "down");
      log("other", "else");
      now = 1500;
      log("db", "down");
    } finally {
      Date.now = realNow;
    }
    expect(lines).toEqual(["down", "else", "down (and 1 more like it)"]);
  });
});
