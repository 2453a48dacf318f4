import {
  isValidVariableName,
  messages,
  sanitizeVariableName,
  type TemplateDiagnostic,
} from "./diagnostics";
import { parseTemplate } from "./parse";
import { closestName } from "./suggest";

/**
 * A variable the dataset type fills itself. `description` completes the sentence
 * "the <type> type fills it with …", e.g. "each label name".
 */
export type BuiltinVariable = { name: string; mandatory: boolean; description: string };

export type ValidateTemplatesInput = {
  templates: readonly string[];
  builtins: readonly BuiltinVariable[];
  variables: Readonly<Record<string, readonly string[]>>;
  typeName: string;
};

export type TemplateValidation = { templateIndex: number; diagnostics: TemplateDiagnostic[] };

export type ValidationResult = {
  /** One entry per template, in input order, even when it has no diagnostics. */
  templates: TemplateValidation[];
  /** Problems of the expansion variables, each with `variable` set. */
  variables: TemplateDiagnostic[];
  /** Problems of the template list as a whole (no templates at all). */
  general: TemplateDiagnostic[];
};

/** Messages number templates from 1 for people; `templateIndex` and paths count from 0. */
export function templateLabel(templateIndex: number): string {
  return `template ${templateIndex + 1}`;
}

export function validateTemplates(input: ValidateTemplatesInput): ValidationResult {
  const { templates, builtins, variables, typeName } = input;
  const builtinNames = builtins.map((b) => b.name);
  const expansionNames = Object.keys(variables);
  const knownNames = [...builtinNames, ...expansionNames.filter((n) => !builtinNames.includes(n))];
  const known = new Set(knownNames);
  const mandatory = builtins.filter((b) => b.mandatory);
  const used = new Set<string>();

  const templateResults = templates.map((text, templateIndex) => {
    const where = templateLabel(templateIndex);
    if (text.trim() === "") {
      const diagnostic: TemplateDiagnostic = {
        severity: "error",
        code: "empty_template",
        message: messages.emptyTemplate(where, mandatory.map((b) => b.name)),
        from: 0,
        to: text.length,
      };
      return { templateIndex, diagnostics: [diagnostic] };
    }

    const parsed = parseTemplate(text, { label: where, knownNames });
    const positioned = [...parsed.diagnostics];
    for (const ref of parsed.variables) {
      used.add(ref.name);
      if (known.has(ref.name)) continue;
      const suggestion = closestName(ref.name, knownNames);
      positioned.push({
        severity: "error",
        code: "unknown_variable",
        message: messages.unknownVariable(where, ref.name, suggestion, typeName, builtinNames),
        from: ref.from,
        to: ref.to,
        variable: ref.name,
        ...(suggestion ? { suggestion } : {}),
      });
    }
    positioned.sort((a, b) => a.from - b.from);

    const present = new Set(parsed.variables.map((ref) => ref.name));
    // `{{lable}}` or `{{label` already points at the fix; a second error for it is noise.
    const pointedAt = new Set(positioned.map((d) => d.suggestion));
    const missing: TemplateDiagnostic[] = mandatory
      .filter((b) => !present.has(b.name) && !pointedAt.has(b.name))
      .map((b) => ({
        severity: "error",
        code: "missing_variable",
        message: messages.missingVariable(where, b.name, typeName, b.description),
        from: 0,
        to: 0,
        variable: b.name,
        suggestion: b.name,
      }));
    return { templateIndex, diagnostics: [...positioned, ...missing] };
  });

  return {
    templates: templateResults,
    variables: validateVariables(variables, builtinNames, used, typeName),
    general:
      templates.length === 0
        ? [
            {
              severity: "error",
              code: "empty_template",
              message: messages.noTemplates(typeName, mandatory.map((b) => b.name)),
              from: 0,
              to: 0,
            },
          ]
        : [],
  };
}

function validateVariables(
  variables: Readonly<Record<string, readonly string[]>>,
  builtinNames: readonly string[],
  used: ReadonlySet<string>,
  typeName: string,
): TemplateDiagnostic[] {
  const diagnostics: TemplateDiagnostic[] = [];
  const add = (d: Omit<TemplateDiagnostic, "from" | "to">) => diagnostics.push({ ...d, from: 0, to: 0 });
  for (const [name, values] of Object.entries(variables)) {
    if (!isValidVariableName(name)) {
      const suggestion = sanitizeVariableName(name);
      add({
        severity: "error",
        code: "invalid_variable_name",
        message: messages.invalidDefinedName(name, suggestion),
        variable: name,
        suggestion,
      });
      continue;
    }
    if (builtinNames.includes(name)) {
      add({
        severity: "error",
        code: "invalid_variable_name",
        message: messages.shadowsBuiltin(name, typeName),
        variable: name,
        suggestion: `${name}_value`,
      });
      continue;
    }
    if (!used.has(name)) {
      // An unused list changes no prompt, so an empty one is harmless: only say it is unused.
      add({ severity: "warning", code: "unused_variable", message: messages.unusedVariable(name), variable: name });
      continue;
    }
    if (values.length === 0) {
      add({ severity: "error", code: "empty_value_list", message: messages.emptyValueList(name), variable: name });
    }
  }
  return diagnostics;
}

export function allDiagnostics(result: ValidationResult): TemplateDiagnostic[] {
  return [...result.general, ...result.templates.flatMap((t) => t.diagnostics), ...result.variables];
}

export function hasErrors(result: ValidationResult): boolean {
  return allDiagnostics(result).some((d) => d.severity === "error");
}

/** One line per diagnostic, prefixed with the design path it belongs to, for the CLI. */
export function formatDiagnostics(result: ValidationResult): string[] {
  const line = (path: string, d: TemplateDiagnostic) => `${path}: ${d.severity}: ${d.message}`;
  return [
    ...result.general.map((d) => line("templates", d)),
    ...result.templates.flatMap((t) => t.diagnostics.map((d) => line(`templates[${t.templateIndex}]`, d))),
    ...result.variables.map((d) => line(variablePath(d.variable ?? ""), d)),
  ];
}

function variablePath(name: string): string {
  return isValidVariableName(name) ? `variables.${name}` : `variables[${JSON.stringify(name)}]`;
}
