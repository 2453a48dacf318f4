import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { validateTemplates, type TemplateDiagnostic } from "@/lib/prompts";
import { fixFor, toLintDiagnostics } from "./lint";

const builtins = [{ name: "label", mandatory: true, description: "each label name" }];

function diagnose(template: string): TemplateDiagnostic[] {
  return validateTemplates({ templates: [template], builtins, variables: { tone: ["calm"] }, typeName: "classification" }).templates[0]!.diagnostics;
}

describe("toLintDiagnostics", () => {
  it("underlines the span a diagnostic points at, with its message and severity", () => {
    const text = "About {{label}} in a {{tones}} tone.";
    const [unknown] = toLintDiagnostics(diagnose(text), text.length);
    expect(unknown).toMatchObject({ from: 21, to: 30, severity: "error" });
    expect(text.slice(unknown!.from, unknown!.to)).toBe("{{tones}}");
    expect(unknown!.message).toContain("Did you mean {{tone}}?");
  });

  it("puts a diagnostic about the whole template at its end, where the fix goes", () => {
    const text = "A {{tone}} message.";
    const [missing] = toLintDiagnostics(diagnose(text), text.length);
    expect(missing).toMatchObject({ from: text.length, to: text.length, severity: "error" });
    expect(missing!.message).toContain("{{label}}");
  });

  it("keeps ranges inside a document shorter than the text they were computed on", () => {
    const diagnostic: TemplateDiagnostic = { severity: "warning", code: "unbalanced_braces", message: "m", from: 8, to: 20 };
    expect(toLintDiagnostics([diagnostic], 10)[0]).toMatchObject({ from: 8, to: 10, severity: "warning" });
  });

  it("offers the suggested name as a fix that rewrites the slot", () => {
    const text = "About {{lable}} now.";
    const [diagnostic] = toLintDiagnostics(diagnose(text), text.length);
    expect(diagnostic!.actions?.map((a) => a.name)).toEqual(["Write {{label}}"]);
  });
});

describe("fixFor", () => {
  function applyFix(text: string): string | undefined {
    const fix = fixFor(diagnose(text)[0]!, text.length);
    if (!fix) return undefined;
    return EditorState.create({ doc: text }).update({ changes: fix }).state.doc.toString();
  }

  it("turns each fixable problem into valid text", () => {
    expect(applyFix("About {{lable}} in a {{tone}} tone.")).toBe("About {{label}} in a {{tone}} tone.");
    expect(applyFix("About {{label in a {{tone}} tone.")).toBe("About {{label}} in a {{tone}} tone.");
    expect(applyFix("About {{ {{label}} }}.")).toBe("About {{label}}.");
    expect(applyFix("A {{tone}} message.")).toBe("A {{tone}} message. {{label}}");
    for (const text of ["About {{lable}} in a {{tone}} tone.", "About {{label in a {{tone}} tone.", "A {{tone}} message."]) {
      expect(diagnose(applyFix(text)!)).toEqual([]);
    }
  });

  it("has no fix when the validator names none", () => {
    expect(applyFix("About {{label}} }} here.")).toBeUndefined();
  });
});
