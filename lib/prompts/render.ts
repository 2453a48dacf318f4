import { parseTemplate } from "./parse";

export type TemplateValues = Readonly<Record<string, string | number>>;

/**
 * Fills every `{{name}}` slot in one pass over the parsed template, so a value that itself
 * contains `{{x}}` (generated text, user data) is inserted literally and never expanded.
 * Throws on a malformed template or on missing values rather than sending a broken prompt.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  const parsed = parseTemplate(text);
  const firstError = parsed.diagnostics.find((d) => d.severity === "error");
  if (firstError) throw new Error(`Cannot render the template: ${firstError.message}`);

  // hasOwn, not `in`: a template slot like {{constructor}} must not pick up Object.prototype.
  const missing = [
    ...new Set(
      parsed.variables
        .map((ref) => ref.name)
        .filter((name) => !Object.hasOwn(values, name) || !isRenderable(values[name])),
    ),
  ];
  if (missing.length > 0) {
    const slots = missing.map((name) => `{{${name}}}`).join(", ");
    const noun = missing.length === 1 ? "variable" : "variables";
    throw new Error(
      `Missing value for ${noun} ${slots}: pass ${missing.length === 1 ? "it" : "them"} in the values or remove ${slots} from the template.`,
    );
  }

  let out = "";
  for (const part of parsed.parts) {
    out += part.kind === "text" ? part.text : String(values[part.name]);
  }
  return out;
}

// Values arrive from JSON and forms at runtime; null or NaN would otherwise render as text.
function isRenderable(value: unknown): boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}
