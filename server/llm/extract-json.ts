// Models without a JSON mode often wrap the answer in prose or code fences.
// Recover the JSON value when there is exactly one plausible candidate; never
// guess beyond that (the caller re-asks instead).
export function extractJson(text: string): unknown {
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(text);
  const candidates = [fenced?.[1], text].filter((value): value is string => typeof value === "string");
  for (const candidate of candidates) {
    const trimmed = candidate.trim();
    const parsed = tryParse(trimmed);
    if (parsed !== undefined) return parsed;
    for (const [open, close] of [["{", "}"], ["[", "]"]] as const) {
      const start = trimmed.indexOf(open);
      const end = trimmed.lastIndexOf(close);
      if (start !== -1 && end > start) {
        const inner = tryParse(trimmed.slice(start, end + 1));
        if (inner !== undefined) return inner;
      }
    }
  }
  return undefined;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
