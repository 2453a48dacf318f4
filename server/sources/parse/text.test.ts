import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown";
import { parseText } from "./text";

describe("parseText", () => {
  it("makes one document per blank-line-separated block, trimming each", () => {
    const text = "\n  First paragraph,\nstill first.\n\n\n   \t\nSecond.\r\n\r\nThird\n\n";
    expect(parseText(text, {})).toEqual({ records: [{ text: "First paragraph,\nstill first." }, { text: "Second." }, { text: "Third" }], columns: ["text"], skippedEmpty: 0 });
  });

  it("makes the whole file one document on request", () => {
    expect(parseText("a\n\nb\r\n", { wholeFile: true }).records).toEqual([{ text: "a\n\nb" }]);
  });

  it("gives no documents for a file of blank lines", () => {
    expect(parseText("\n \n\t\n", {}).records).toEqual([]);
    expect(parseText("\n \n", { wholeFile: true }).records).toEqual([]);
  });
});

describe("parseMarkdown", () => {
  it("keeps the markdown, never cuts a fenced code block, and keeps a heading with its paragraph", () => {
    const md = ["# Title", "", "## Install", "", "Run this:", "", "```sh", "npm install", "", "npm start", "```", "", "- a list", "- of items", "", "~~~", "", "~~~"].join("\n");
    expect(parseMarkdown(md, {}).records.map((record) => record.text)).toEqual([
      "# Title\n\n## Install\n\nRun this:",
      "```sh\nnpm install\n\nnpm start\n```",
      "- a list\n- of items",
      "~~~\n\n~~~",
    ]);
  });

  it("keeps a trailing heading as its own document, and reads the whole file on request", () => {
    expect(parseMarkdown("Text.\n\n## Last", {}).records).toEqual([{ text: "Text." }, { text: "## Last" }]);
    expect(parseMarkdown("# A\n\nb\n", { wholeFile: true }).records).toEqual([{ text: "# A\n\nb" }]);
  });
});
