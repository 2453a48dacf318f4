// What a reviewer changed, word by word: deletions struck through, insertions
// underlined. Parts are React text (the edit and the original are both untrusted).
import type { SlotDiff } from "./edit-slots";

export function DiffView({ diffs }: { diffs: SlotDiff[] }) {
  return (
    <div className="grid gap-3" data-testid="focus-diff">
      {diffs.map((diff) => (
        <div key={diff.key} className="grid gap-1" data-field={diff.key}>
          <p className="text-xs font-medium text-muted-foreground">{diff.label}</p>
          <p className="rounded-md border bg-card px-3 py-2 text-sm leading-relaxed break-words whitespace-pre-wrap">
            {diff.parts.map((part, index) =>
              part.kind === "delete" ? (
                <del key={index} className="rounded-sm bg-destructive/15 text-destructive decoration-destructive/70">
                  {part.text}
                </del>
              ) : part.kind === "insert" ? (
                <ins key={index} className="rounded-sm bg-success/15 text-success no-underline">
                  {part.text}
                </ins>
              ) : (
                <span key={index}>{part.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </div>
  );
}
