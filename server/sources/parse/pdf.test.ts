import { describe, expect, it } from "vitest";
import { makePdf } from "@/server/testing/pdf-fixture";
import { parsePdf } from "./pdf";

describe("parsePdf", () => {
  const pdf = makePdf([["Photosynthesis turns light", "into chemical energy."], [], ["Page (three) text."]]);

  it("makes one document per page with text, counting pages without text as skipped", async () => {
    const result = await parsePdf(pdf, { fileName: "bio.pdf" });
    expect(result.records).toEqual([
      { text: "Photosynthesis turns light\ninto chemical energy.", page: 1 },
      { text: "Page (three) text.", page: 3 },
    ]);
    expect(result.columns).toEqual(["text", "page"]);
    expect(result.skippedEmpty).toBe(1);
  });

  it("makes the whole file one document on request", async () => {
    const result = await parsePdf(pdf, { fileName: "bio.pdf", wholeFile: true });
    expect(result.records).toEqual([{ text: "Photosynthesis turns light\ninto chemical energy.\n\nPage (three) text.", pages: 3 }]);
  });

  it("rejects a file that is not a PDF, naming it", async () => {
    await expect(parsePdf(new TextEncoder().encode("%PDF-1.4 this is not really a pdf"), { fileName: "fake.pdf" })).rejects.toThrow(/^fake\.pdf: not a readable PDF \(.+\)\. Export it again as PDF/);
  });
});
