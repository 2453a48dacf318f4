import {
  describePosition,
  isValidVariableName,
  messages,
  sanitizeVariableName,
  type TemplateDiagnostic,
} from "./diagnostics";
import { closestName } from "./suggest";

export type TemplatePart = { kind: "text"; text: string } | { kind: "variable"; name: string };

/** Offsets cover the whole `{{ name }}` including braces, for editor highlighting. */
export type VariableRef = { name: string; from: number; to: number };

export type ParsedTemplate = {
  parts: TemplatePart[];
  variables: VariableRef[];
  diagnostics: TemplateDiagnostic[];
};

export type ParseOptions = {
  /** How messages refer to this template, e.g. "template 2". */
  label?: string;
  /** Names that exist in context, so an invalid name can be matched to the intended one. */
  knownNames?: readonly string[];
};

const IDENTIFIER_PREFIX = /^\s*([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * Splits a template into literal text and `{{name}}` slots. Single braces stay literal and
 * a `}}` that closes two single braces opened earlier is read as JSON, so JSON examples in
 * prompts (`{"a": {"b": 1}}`) need no escaping.
 */
export function parseTemplate(text: string, options: ParseOptions = {}): ParsedTemplate {
  const where = options.label ?? "the template";
  const parts: TemplatePart[] = [];
  const variables: VariableRef[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const at = (offset: number) => describePosition(text, offset);
  const error = (diagnostic: Omit<TemplateDiagnostic, "severity">) =>
    diagnostics.push({ severity: "error", ...diagnostic });

  let textStart = 0;
  let i = 0;
  let jsonDepth = 0;

  const flushText = (end: number) => {
    if (end <= textStart) return;
    const last = parts[parts.length - 1];
    const chunk = text.slice(textStart, end);
    if (last?.kind === "text") last.text += chunk;
    else parts.push({ kind: "text", text: chunk });
  };

  while (i < text.length) {
    if (text.startsWith("{{", i)) {
      let run = 2;
      while (text[i + run] === "{") run++;
      if (run === 3) {
        // `{{{x}}}` reads as a literal brace around {{x}}, like a JSON object holding a variable.
        jsonDepth++;
        i++;
        continue;
      }
      if (run >= 4) {
        const close = text.indexOf("}}", i + run);
        let end = close === -1 ? i + run : close;
        while (text[end] === "}") end++;
        const inner = close === -1 ? "" : text.slice(i + run, close).trim();
        const name = isValidVariableName(inner) ? inner : undefined;
        const raw = text.slice(i, end);
        error({
          code: "unbalanced_braces",
          message: messages.nested(where, at(i), raw, name),
          from: i,
          to: end,
          ...(name ? { variable: name, suggestion: name } : {}),
        });
        i = end;
        continue;
      }

      const close = text.indexOf("}}", i + 2);
      const reopen = text.indexOf("{{", i + 2);
      if (close === -1 || (reopen !== -1 && reopen < close)) {
        const nestedEnd = close === -1 ? -1 : wrappedVariableEnd(text, reopen, close);
        if (nestedEnd !== -1) {
          const name = text.slice(reopen + 2, close).trim();
          error({
            code: "unbalanced_braces",
            message: messages.nested(where, at(i), text.slice(i, nestedEnd), name),
            from: i,
            to: nestedEnd,
            variable: name,
            suggestion: name,
          });
          i = nestedEnd;
          continue;
        }
        // Keep the lone "{{" as text and go on, so a later well-formed slot is still found.
        const partial = IDENTIFIER_PREFIX.exec(text.slice(i + 2))?.[1];
        const spanEnd = partial ? text.indexOf(partial, i + 2) + partial.length : i + 2;
        error({
          code: "unbalanced_braces",
          message: messages.unclosed(where, at(i), partial),
          from: i,
          to: spanEnd,
          ...(partial ? { variable: partial, suggestion: partial } : {}),
        });
        i += 2;
        continue;
      }

      const from = i;
      const to = close + 2;
      const raw = text.slice(from, to);
      const name = text.slice(i + 2, close).trim();
      if (name === "") {
        error({ code: "empty_variable", message: messages.emptyVariable(where, at(from), raw), from, to });
      } else if (!isValidVariableName(name)) {
        const suggestion =
          closestName(name, options.knownNames ?? []) ?? sanitizeVariableName(name);
        error({
          code: "invalid_variable_name",
          message: messages.invalidName(where, at(from), name, suggestion),
          from,
          to,
          variable: name,
          suggestion,
        });
      } else {
        flushText(from);
        parts.push({ kind: "variable", name });
        variables.push({ name, from, to });
        textStart = to;
      }
      i = to;
      continue;
    }

    if (text.startsWith("}}", i)) {
      if (jsonDepth >= 2) {
        jsonDepth -= 2;
        i += 2;
        continue;
      }
      if (jsonDepth === 1) {
        // The first brace closes the JSON object; the second is looked at on its own.
        jsonDepth = 0;
        i++;
        continue;
      }
      error({ code: "unbalanced_braces", message: messages.strayClose(where, at(i)), from: i, to: i + 2 });
      i += 2;
      continue;
    }

    if (text[i] === "{") jsonDepth++;
    else if (text[i] === "}" && jsonDepth > 0) jsonDepth--;
    i++;
  }
  flushText(text.length);
  return { parts, variables, diagnostics };
}

/**
 * For `{{ {{tone}} }}`: when the slot at `inner` is followed only by whitespace and `}}`,
 * returns the offset after that outer `}}`, else -1.
 */
function wrappedVariableEnd(text: string, inner: number, innerClose: number): number {
  if (!isValidVariableName(text.slice(inner + 2, innerClose).trim())) return -1;
  const after = /^\s*\}\}/.exec(text.slice(innerClose + 2));
  return after ? innerClose + 2 + after[0].length : -1;
}

/** Distinct variable names in order of first appearance. */
export function variableNames(parsed: Pick<ParsedTemplate, "variables">): string[] {
  return [...new Set(parsed.variables.map((ref) => ref.name))];
}
