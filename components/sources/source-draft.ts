// Pure helpers of the source picker: switching origins without losing the
// column choice, and the words for what was skipped.
import type { ResolvedSource, SourceRefInput, SourceValue } from "@/lib/sources/source-ref";

type Origin = Pick<SourceRefInput, "sourceId" | "hub">;

/** A new origin; the text and context columns and the bounds stay as chosen. */
export function withOrigin(value: SourceRefInput | undefined, origin: Origin): SourceRefInput {
  const { sourceId: _sourceId, records: _records, hub: _hub, file: _file, wholeFile: _wholeFile, ...choice } = value ?? {};
  return { ...choice, ...origin };
}

export function hasOrigin(value: SourceRefInput | undefined): value is SourceRefInput {
  return Boolean(value && (value.sourceId || value.hub || value.records || value.file));
}

/** Which tab shows the current origin. */
export function originTab(value: SourceRefInput | undefined): "upload" | "hub" | "stored" {
  if (value?.hub) return "hub";
  if (value?.sourceId) return "stored";
  return "upload";
}

export function describeSkipped(skipped: ResolvedSource["skipped"]): string {
  const parts = [
    [skipped.empty, "empty"],
    [skipped.tooShort, "too short"],
    [skipped.tooLong, "too long"],
    [skipped.overLimit, "over the document limit"],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, label]) => `${count} ${label}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** A cell of the preview table: text only, cut to `max` characters. */
export function cellText(value: SourceValue | undefined, max = 160): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A length bound typed in a field: blank means "the default". */
export function parseBound(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
