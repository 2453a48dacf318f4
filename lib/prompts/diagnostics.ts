export type DiagnosticCode =
  | "unbalanced_braces"
  | "empty_variable"
  | "invalid_variable_name"
  | "unknown_variable"
  | "missing_variable"
  | "empty_value_list"
  | "unused_variable"
  | "empty_template";

/**
 * One problem found in a template or in the expansion variables. `from`/`to` are character
 * offsets into the template text so the editor can underline the span; diagnostics about a
 * whole template or about a variable list use 0..0.
 */
export type TemplateDiagnostic = {
  severity: "error" | "warning";
  code: DiagnosticCode;
  message: string;
  from: number;
  to: number;
  variable?: string;
  suggestion?: string;
};

export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isValidVariableName(name: string): boolean {
  return VARIABLE_NAME_PATTERN.test(name);
}

/** A valid name close to an invalid one, so the message can offer a concrete rename. */
export function sanitizeVariableName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (cleaned === "") return "name";
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** Offsets mean nothing to a person reading a CLI; line and column do. */
export function describePosition(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const slot = (name: string) => `{{${name}}}`;

function listSlots(names: readonly string[]): string {
  return names.map(slot).join(", ");
}

// Message builders live together so the wording stays consistent between editor and CLI.
export const messages = {
  unclosed(where: string, at: string, partialName: string | undefined): string {
    return partialName
      ? `Unclosed {{${partialName} in ${where} (${at}): add "}}" to make it ${slot(partialName)}.`
      : `Unclosed "{{" in ${where} (${at}): add a variable name and "}}", e.g. {{tone}}, or remove the "{{".`;
  },
  strayClose(where: string, at: string): string {
    return `Stray "}}" in ${where} (${at}) has no matching "{{". Remove it or add the opening "{{" before the variable name.`;
  },
  nested(where: string, at: string, raw: string, name: string | undefined): string {
    const fix = name ? `Write ${slot(name)}.` : `Write the variable as {{name}}.`;
    return `Nested braces ${raw} in ${where} (${at}): a variable takes exactly two braces on each side and cannot contain another variable. ${fix}`;
  },
  emptyVariable(where: string, at: string, raw: string): string {
    return `Empty variable ${raw} in ${where} (${at}). Put a variable name inside, e.g. {{tone}}, or remove the braces.`;
  },
  invalidName(where: string, at: string, name: string, suggestion: string): string {
    return `Invalid variable name "${name}" in ${where} (${at}): names use letters, digits and underscores and cannot start with a digit. Rename it, e.g. ${slot(suggestion)}.`;
  },
  unknownVariable(
    where: string,
    name: string,
    suggestion: string | undefined,
    typeName: string,
    builtins: readonly string[],
  ): string {
    const head = `Unknown variable ${slot(name)} in ${where}.`;
    if (suggestion) return `${head} Did you mean ${slot(suggestion)}? Define it under "variables" or fix the name.`;
    const known = builtins.length
      ? ` or use a built-in of the ${typeName} type: ${listSlots(builtins)}`
      : "";
    return `${head} Define it under "variables"${known}.`;
  },
  missingVariable(where: string, name: string, typeName: string, description: string): string {
    const fills = description.trim().replace(/\.$/, "");
    return `${capitalize(where)} is missing the mandatory variable ${slot(name)}: the ${typeName} type fills it with ${fills}. Add ${slot(name)} to the template.`;
  },
  emptyTemplate(where: string, mandatory: readonly string[]): string {
    const needs = mandatory.length ? ` using ${listSlots(mandatory)}` : "";
    return `${capitalize(where)} is empty. Write the prompt text${needs}, or remove the template.`;
  },
  noTemplates(typeName: string, mandatory: readonly string[]): string {
    const needs = mandatory.length ? ` that uses ${listSlots(mandatory)}` : "";
    return `The ${typeName} dataset has no templates. Add at least one template${needs}.`;
  },
  emptyValueList(name: string): string {
    return `Variable "${name}" has no values. Add at least one value or remove ${slot(name)} from the templates.`;
  },
  unusedVariable(name: string): string {
    return `Variable "${name}" is defined but no template uses it, so it changes no prompt. Add ${slot(name)} to a template or remove the variable.`;
  },
  shadowsBuiltin(name: string, typeName: string): string {
    return `Variable "${name}" has the same name as the ${typeName} built-in ${slot(name)}, which the type fills itself. Rename the variable (e.g. "${name}_value") and use the new name in the templates.`;
  },
  invalidDefinedName(name: string, suggestion: string): string {
    return `Variable name "${name}" is invalid: names use letters, digits and underscores and cannot start with a digit. Rename it to "${suggestion}" and use ${slot(suggestion)} in the templates.`;
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
