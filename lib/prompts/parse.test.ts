import { describe, expect, it } from "vitest";
import { parseTemplate, variableNames } from "./parse";

const codes = (text: string) => parseTemplate(text).diagnostics.map((d) => d.code);

describe("parseTemplate", () => {
  it("splits text and variables and reports offsets of the whole slot", () => {
    const text = "Write {{num_samples}} texts in a {{ tone }} tone.";
    const parsed = parseTemplate(text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.parts).toEqual([
      { kind: "text", text: "Write " },
      { kind: "variable", name: "num_samples" },
      { kind: "text", text: " texts in a " },
      { kind: "variable", name: "tone" },
      { kind: "text", text: " tone." },
    ]);
    expect(parsed.variables).toEqual([
      { name: "num_samples", from: 6, to: 21 },
      { name: "tone", from: 33, to: 43 },
    ]);
    for (const ref of parsed.variables) {
      expect(text.slice(ref.from, ref.to)).toMatch(/^\{\{\s*\w+\s*\}\}$/);
    }
  });

  it("lists every occurrence but names each variable once in order of first appearance", () => {
    const parsed = parseTemplate("{{b}} {{a}} {{b}}");
    expect(parsed.variables.map((ref) => ref.name)).toEqual(["b", "a", "b"]);
    expect(variableNames(parsed)).toEqual(["b", "a"]);
  });

  it("keeps single braces and JSON literal", () => {
    const json = '{"a": 1, "b": {"c": [1, {"d": 2}]}}';
    const parsed = parseTemplate(`Answer as ${json}`);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.parts).toEqual([{ kind: "text", text: `Answer as ${json}` }]);
  });

  it("finds a variable inside a JSON example", () => {
    const parsed = parseTemplate('{"label": {{label}}}');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.parts).toEqual([
      { kind: "text", text: '{"label": ' },
      { kind: "variable", name: "label" },
      { kind: "text", text: "}" },
    ]);
  });

  it("reads triple braces as a literal brace around a variable", () => {
    const parsed = parseTemplate("{{{x}}}");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.variables).toEqual([{ name: "x", from: 1, to: 6 }]);
  });

  it("accepts underscores and digits after the first character", () => {
    expect(parseTemplate("{{_a1}} {{A_b_2}}").variables.map((ref) => ref.name)).toEqual(["_a1", "A_b_2"]);
  });

  it("returns no parts for an empty text", () => {
    expect(parseTemplate("")).toEqual({ parts: [], variables: [], diagnostics: [] });
  });
});

describe("parseTemplate diagnostics", () => {
  it("reports an unclosed slot with the name it was meant to be", () => {
    const parsed = parseTemplate("Use a {{tone voice");
    expect(parsed.variables).toEqual([]);
    expect(parsed.diagnostics).toEqual([
      {
        severity: "error",
        code: "unbalanced_braces",
        message: 'Unclosed {{tone in the template (line 1, column 7): add "}}" to make it {{tone}}.',
        from: 6,
        to: 12,
        variable: "tone",
        suggestion: "tone",
      },
    ]);
  });

  it("still finds a well-formed slot after an unclosed one", () => {
    const parsed = parseTemplate("{{a and {{b}}");
    expect(codes("{{a and {{b}}")).toEqual(["unbalanced_braces"]);
    expect(parsed.variables).toEqual([{ name: "b", from: 8, to: 13 }]);
  });

  it("reports an unclosed slot without a name", () => {
    const [d] = parseTemplate("end {{").diagnostics;
    expect(d?.message).toBe(
      'Unclosed "{{" in the template (line 1, column 5): add a variable name and "}}", e.g. {{tone}}, or remove the "{{".',
    );
    expect([d?.from, d?.to]).toEqual([4, 6]);
  });

  it("reports a stray closing pair with its line and column", () => {
    const [d] = parseTemplate("first line\nthe tone}} here").diagnostics;
    expect(d?.code).toBe("unbalanced_braces");
    expect([d?.from, d?.to]).toEqual([19, 21]);
    expect(d?.message).toBe(
      'Stray "}}" in the template (line 2, column 9) has no matching "{{". Remove it or add the opening "{{" before the variable name.',
    );
  });

  it("reports empty slots", () => {
    const [d] = parseTemplate("a {{ }} b").diagnostics;
    expect(d).toMatchObject({ code: "empty_variable", from: 2, to: 7 });
    expect(d?.message).toBe(
      "Empty variable {{ }} in the template (line 1, column 3). Put a variable name inside, e.g. {{tone}}, or remove the braces.",
    );
    expect(codes("{{}}")).toEqual(["empty_variable"]);
  });

  it("reports invalid names with a valid rename", () => {
    const [dash] = parseTemplate("{{my-var}}").diagnostics;
    expect(dash).toMatchObject({ code: "invalid_variable_name", variable: "my-var", suggestion: "my_var", from: 0, to: 10 });
    expect(dash?.message).toBe(
      'Invalid variable name "my-var" in the template (line 1, column 1): names use letters, digits and underscores and cannot start with a digit. Rename it, e.g. {{my_var}}.',
    );
    expect(parseTemplate("{{1x}}").diagnostics[0]).toMatchObject({ code: "invalid_variable_name", suggestion: "_1x" });
    expect(parseTemplate("{{a b}}").diagnostics[0]).toMatchObject({ code: "invalid_variable_name", suggestion: "a_b" });
  });

  it("prefers a known name when suggesting a rename", () => {
    const [d] = parseTemplate("{{my-var}}", { knownNames: ["myvar"] }).diagnostics;
    expect(d?.suggestion).toBe("myvar");
    expect(d?.message).toContain("Rename it, e.g. {{myvar}}.");
  });

  it("reports four braces as nesting", () => {
    const parsed = parseTemplate("x {{{{tone}}}} y");
    expect(parsed.variables).toEqual([]);
    expect(parsed.diagnostics).toEqual([
      {
        severity: "error",
        code: "unbalanced_braces",
        message:
          "Nested braces {{{{tone}}}} in the template (line 1, column 3): a variable takes exactly two braces on each side and cannot contain another variable. Write {{tone}}.",
        from: 2,
        to: 14,
        variable: "tone",
        suggestion: "tone",
      },
    ]);
  });

  it("reports a slot wrapped in another slot once", () => {
    const parsed = parseTemplate("{{ {{tone}} }}!");
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: "unbalanced_braces", from: 0, to: 14, suggestion: "tone" });
    expect(parsed.diagnostics[0]?.message).toContain("Write {{tone}}.");
  });

  it("names the template in messages when given a label", () => {
    const [d] = parseTemplate("{{}}", { label: "template 3" }).diagnostics;
    expect(d?.message).toContain("in template 3 (line 1, column 1)");
  });
});
