import { describe, expect, it } from "vitest";
import { formatDiagnostics, hasErrors, validateTemplates, type BuiltinVariable } from "./validate";

const builtins: BuiltinVariable[] = [
  { name: "label", mandatory: true, description: "each label name" },
  { name: "label_description", mandatory: false, description: "the label's description" },
  { name: "language", mandatory: false, description: "the language name" },
  { name: "num_samples", mandatory: false, description: "the number of texts per prompt" },
];

const validate = (templates: string[], variables: Record<string, string[]> = {}) =>
  validateTemplates({ templates, builtins, variables, typeName: "classification" });

const GOOD = "Write {{num_samples}} {{language}} messages about {{label}} in a {{tone}} tone.";

describe("validateTemplates", () => {
  it("accepts templates that use known variables and every mandatory built-in", () => {
    const result = validate([GOOD, "Give {{label}} examples."], { tone: ["angry", "polite"] });
    expect(result).toEqual({
      templates: [
        { templateIndex: 0, diagnostics: [] },
        { templateIndex: 1, diagnostics: [] },
      ],
      variables: [],
      general: [],
    });
    expect(hasErrors(result)).toBe(false);
    expect(formatDiagnostics(result)).toEqual([]);
  });

  it("reports an unknown variable with its span and the closest name", () => {
    const text = "About {{label}} in a {{tones}} tone.";
    const result = validate([text], { tone: ["angry"] });
    const [d] = result.templates[0]?.diagnostics ?? [];
    expect(d).toEqual({
      severity: "error",
      code: "unknown_variable",
      message: 'Unknown variable {{tones}} in template 1. Did you mean {{tone}}? Define it under "variables" or fix the name.',
      from: 21,
      to: 30,
      variable: "tones",
      suggestion: "tone",
    });
    expect(text.slice(d?.from, d?.to)).toBe("{{tones}}");
  });

  it("lists the built-ins when an unknown variable resembles nothing", () => {
    const [d] = validate(["{{label}} {{topic}}"]).templates[0]?.diagnostics ?? [];
    expect(d?.message).toBe(
      'Unknown variable {{topic}} in template 1. Define it under "variables" or use a built-in of the classification type: {{label}}, {{label_description}}, {{language}}, {{num_samples}}.',
    );
    expect(d?.suggestion).toBeUndefined();
  });

  it("requires a mandatory built-in in every template, not just one", () => {
    const result = validate([GOOD, "Write about cats."], { tone: ["angry"] });
    expect(result.templates[0]?.diagnostics).toEqual([]);
    expect(result.templates[1]?.diagnostics).toEqual([
      {
        severity: "error",
        code: "missing_variable",
        message:
          "Template 2 is missing the mandatory variable {{label}}: the classification type fills it with each label name. Add {{label}} to the template.",
        from: 0,
        to: 0,
        variable: "label",
        suggestion: "label",
      },
    ]);
  });

  it("does not require optional built-ins", () => {
    expect(hasErrors(validate(["{{label}}"]))).toBe(false);
  });

  it("reports a misspelled mandatory built-in once, as unknown", () => {
    const diagnostics = validate(["About {{lable}}."]).templates[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown_variable"]);
    expect(diagnostics[0]?.message).toContain("Did you mean {{label}}?");
  });

  it("passes on syntax errors, sorted by position, with the template number", () => {
    const diagnostics = validate(["{{label}} {{my-var}} then {{}}"]).templates[0]?.diagnostics ?? [];
    expect(diagnostics.map((d) => [d.code, d.from])).toEqual([
      ["invalid_variable_name", 10],
      ["empty_variable", 26],
    ]);
    expect(diagnostics[0]?.message).toContain('Invalid variable name "my-var" in template 1 (line 1, column 11)');
  });

  it("suggests a defined variable for an invalid name", () => {
    const [d] = validate(["{{label}} {{my-tone}}"], { my_tone: ["a"] }).templates[0]?.diagnostics ?? [];
    expect(d?.suggestion).toBe("my_tone");
  });

  it("reports empty templates and a missing template list", () => {
    const result = validate(["{{label}}", "   "]);
    expect(result.templates[1]?.diagnostics).toEqual([
      {
        severity: "error",
        code: "empty_template",
        message: "Template 2 is empty. Write the prompt text using {{label}}, or remove the template.",
        from: 0,
        to: 3,
      },
    ]);
    const none = validate([]);
    expect(none.templates).toEqual([]);
    expect(none.general.map((d) => d.message)).toEqual([
      "The classification dataset has no templates. Add at least one template that uses {{label}}.",
    ]);
    expect(hasErrors(none)).toBe(true);
  });
});

describe("validateTemplates variables", () => {
  it("reports a used variable with no values", () => {
    const result = validate([GOOD], { tone: [] });
    expect(result.variables).toEqual([
      {
        severity: "error",
        code: "empty_value_list",
        message: 'Variable "tone" has no values. Add at least one value or remove {{tone}} from the templates.',
        from: 0,
        to: 0,
        variable: "tone",
      },
    ]);
    expect(hasErrors(result)).toBe(true);
  });

  it("warns about a variable no template uses, without making it an error", () => {
    const result = validate([GOOD], { tone: ["a"], topic: ["cats"] });
    expect(result.variables).toEqual([
      {
        severity: "warning",
        code: "unused_variable",
        message:
          'Variable "topic" is defined but no template uses it, so it changes no prompt. Add {{topic}} to a template or remove the variable.',
        from: 0,
        to: 0,
        variable: "topic",
      },
    ]);
    expect(hasErrors(result)).toBe(false);
  });

  it("counts a variable used by any template as used", () => {
    expect(validate([GOOD, "{{label}} {{topic}}"], { tone: ["a"], topic: ["b"] }).variables).toEqual([]);
  });

  it("rejects an expansion variable that shadows a built-in", () => {
    const result = validate(["{{label}}"], { label: ["spam"] });
    expect(result.variables).toMatchObject([{ severity: "error", code: "invalid_variable_name", variable: "label" }]);
    expect(result.variables[0]?.message).toBe(
      'Variable "label" has the same name as the classification built-in {{label}}, which the type fills itself. Rename the variable (e.g. "label_value") and use the new name in the templates.',
    );
  });

  it("rejects a variable name no template could reference", () => {
    const result = validate(["{{label}}"], { "my-tone": ["a"] });
    expect(result.variables).toMatchObject([{ code: "invalid_variable_name", suggestion: "my_tone" }]);
    expect(result.variables[0]?.message).toBe(
      'Variable name "my-tone" is invalid: names use letters, digits and underscores and cannot start with a digit. Rename it to "my_tone" and use {{my_tone}} in the templates.',
    );
  });
});

describe("formatDiagnostics", () => {
  it("prints one line per diagnostic with its design path", () => {
    const result = validate(["{{label}} {{tones}}", "plain"], { tone: [], "bad name": ["x"] });
    expect(formatDiagnostics(result)).toEqual([
      'templates[0]: error: Unknown variable {{tones}} in template 1. Did you mean {{tone}}? Define it under "variables" or fix the name.',
      "templates[1]: error: Template 2 is missing the mandatory variable {{label}}: the classification type fills it with each label name. Add {{label}} to the template.",
      'variables.tone: warning: Variable "tone" is defined but no template uses it, so it changes no prompt. Add {{tone}} to a template or remove the variable.',
      'variables["bad name"]: error: Variable name "bad name" is invalid: names use letters, digits and underscores and cannot start with a digit. Rename it to "bad_name" and use {{bad_name}} in the templates.',
    ]);
  });

  it("prints the template-list problem under templates", () => {
    expect(formatDiagnostics(validate([]))).toEqual([
      "templates: error: The classification dataset has no templates. Add at least one template that uses {{label}}.",
    ]);
  });
});
