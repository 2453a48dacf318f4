import { describe, expect, it } from "vitest";
import { isAppError } from "@/server/errors";
import { requireColumns, selectDocuments, suggestTextColumn } from "./select";

const rows = ["", "hi", "just right", "a bit too long here", "also fine!", "   ", "ok length!"].map((text, ordinal) => ({ ordinal, record: { text, topic: `t${ordinal}` } }));
const bounds = { textColumn: "text", minLength: 3, maxLength: 12 };

describe("selectDocuments", () => {
  it("keeps documents within the bounds in source order and counts what it skips", () => {
    const { documents, skipped } = selectDocuments(rows, bounds);
    expect(documents.map((document) => [document.ordinal, document.text])).toEqual([[2, "just right"], [4, "also fine!"], [6, "ok length!"]]);
    expect(skipped).toEqual({ empty: 2, tooShort: 1, tooLong: 1, overLimit: 0 });
  });

  it("stops at maxDocuments and counts the rest as over the limit", () => {
    const { documents, skipped } = selectDocuments(rows, { ...bounds, maxDocuments: 2 });
    expect(documents.map((document) => document.ordinal)).toEqual([2, 4]);
    expect(skipped).toEqual({ empty: 2, tooShort: 1, tooLong: 1, overLimit: 1 });
  });

  it("adds the context column and the whole record; numbers become text", () => {
    const { documents } = selectDocuments([{ ordinal: 0, record: { text: 42, topic: "  maths " } }], { textColumn: "text", contextColumn: "topic", minLength: 1, maxLength: 10 });
    expect(documents).toEqual([{ text: "42", context: "maths", record: { text: 42, topic: "  maths " }, ordinal: 0 }]);
  });
});

describe("requireColumns", () => {
  it("names the missing column, suggests the closest and lists the available ones", () => {
    const error = (() => {
      try {
        requireColumns("faq.csv", ["question", "answer"], { textColumn: "questoin" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isAppError(error) && error.message).toBe('The source "faq.csv" has no column "questoin" for the text (did you mean "question"?). Its columns are: "question", "answer". Set textColumn to one of them.');
    expect(isAppError(error) && error.issues[0]?.path).toBe("source.textColumn");
  });

  it("checks the context column too", () => {
    expect(() => requireColumns("faq.csv", ["text"], { textColumn: "text", contextColumn: "title" })).toThrow('has no column "title" for the context');
  });
});

describe("suggestTextColumn", () => {
  it('prefers "text", else the column with the longest values', () => {
    expect(suggestTextColumn(["id", "text"], [])).toBe("text");
    expect(suggestTextColumn(["id", "title", "body"], [{ id: 1, title: "Short", body: "A much longer body of text" }])).toBe("body");
  });
});
