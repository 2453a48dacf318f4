import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render";

describe("renderTemplate", () => {
  it("fills every slot, including repeated ones and numbers", () => {
    expect(
      renderTemplate("Write {{num_samples}} {{ tone }} texts. Be {{tone}}.", { num_samples: 5, tone: "polite" }),
    ).toBe("Write 5 polite texts. Be polite.");
  });

  it("leaves JSON braces alone", () => {
    expect(renderTemplate('Reply as {"label": "{{label}}"}', { label: "spam" })).toBe('Reply as {"label": "spam"}');
  });

  it("never expands slots inside substituted values", () => {
    expect(renderTemplate("A {{a}} B {{b}}", { a: "{{b}}", b: "x" })).toBe("A {{b}} B x");
  });

  it("inserts values with dollar signs literally", () => {
    expect(renderTemplate("Price: {{p}}", { p: "$& $1 $$" })).toBe("Price: $& $1 $$");
  });

  it("ignores extra values and renders empty strings", () => {
    expect(renderTemplate("[{{a}}]", { a: "", unused: "x" })).toBe("[]");
    expect(renderTemplate("no slots", {})).toBe("no slots");
  });

  it("throws naming the missing variable and the fix", () => {
    expect(() => renderTemplate("{{tone}} text", {})).toThrow(
      new Error("Missing value for variable {{tone}}: pass it in the values or remove {{tone}} from the template."),
    );
  });

  it("names every missing variable once", () => {
    expect(() => renderTemplate("{{a}} {{b}} {{a}}", {})).toThrow(
      "Missing value for variables {{a}}, {{b}}: pass them in the values",
    );
  });

  it("does not take values from Object.prototype", () => {
    expect(() => renderTemplate("{{constructor}}", {})).toThrow("{{constructor}}");
    expect(() => renderTemplate("{{toString}}", {})).toThrow("{{toString}}");
  });

  it("treats null, undefined and non-finite numbers as missing", () => {
    const values = { a: null, b: undefined, c: Number.NaN } as unknown as Record<string, string>;
    expect(() => renderTemplate("{{a}}{{b}}{{c}}", values)).toThrow("{{a}}, {{b}}, {{c}}");
  });

  it("refuses a malformed template with the parse message", () => {
    expect(() => renderTemplate("Hello {{name", { name: "x" })).toThrow(
      'Cannot render the template: Unclosed {{name in the template (line 1, column 7): add "}}" to make it {{name}}.',
    );
  });
});
