"use client";

// The row's labels. Classification: the design's labels as toggle chips, the
// first nine numbered for the 1–9 keys. Other types: free tags.
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";

type Props = {
  /** The design's labels (classification), else empty: free tags. */
  options: { name: string; description: string }[];
  /** The labels in force: the reviewer's once set, else the generated ones. */
  current: string[];
  reviewed: boolean;
  /** A design label was clicked (the view applies chooseLabel, as for the 1–9 keys). */
  onChoose(name: string): void;
  /** The free tags changed. */
  onChange(labels: string[]): void;
  busy: boolean;
};

export function LabelPicker({ options, current, reviewed, onChoose, onChange, busy }: Props) {
  const [tag, setTag] = useState("");
  if (options.length > 0) {
    return (
      <div className="grid gap-1.5">
        <p className="text-xs font-medium text-muted-foreground" id="focus-labels-title">
          Labels {reviewed ? "(set by a reviewer)" : "(as generated)"}
        </p>
        <div role="group" aria-labelledby="focus-labels-title" className="flex flex-wrap gap-1.5" data-testid="focus-labels">
          {options.map((option, index) => {
            const on = current.includes(option.name);
            return (
              <button
                key={option.name}
                type="button"
                aria-pressed={on}
                title={option.description || undefined}
                data-testid="focus-label"
                data-label={option.name}
                disabled={busy}
                onClick={() => onChoose(option.name)}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring/50",
                  on ? "border-info bg-info/15 text-info" : "bg-card text-muted-foreground hover:text-foreground",
                )}
              >
                {index < 9 ? <kbd className="font-mono text-[10px] opacity-70">{index + 1}</kbd> : null}
                {option.name}
              </button>
            );
          })}
        </div>
      </div>
    );
  }
  const add = () => {
    const value = tag.trim();
    if (value && !current.includes(value)) onChange([...current, value]);
    setTag("");
  };
  return (
    <div className="grid gap-1.5">
      <p className="text-xs font-medium text-muted-foreground">Tags</p>
      <div className="flex flex-wrap items-center gap-1.5" data-testid="focus-labels">
        {current.map((label) => (
          <span key={label} className="inline-flex items-center gap-1 rounded-full border bg-card px-2.5 py-0.5 text-xs" data-testid="focus-label" data-label={label}>
            {label}
            <button type="button" aria-label={`Remove the tag ${label}`} disabled={busy} onClick={() => onChange(current.filter((other) => other !== label))} className="rounded-full text-muted-foreground hover:text-foreground">
              <X className="size-3" aria-hidden />
            </button>
          </span>
        ))}
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <Input value={tag} onChange={(event) => setTag(event.target.value)} placeholder="Add a tag" aria-label="Add a tag" className="h-7 w-32 text-xs" maxLength={100} />
          <Button type="submit" variant="ghost" size="icon-sm" aria-label="Add the tag" disabled={busy || !tag.trim()}>
            <Plus aria-hidden />
          </Button>
        </form>
      </div>
    </div>
  );
}

/** What choosing a label does: one label replaces the others, unless the design is multi-label (then it toggles). */
export function chooseLabel(current: readonly string[], name: string, multiLabel: boolean): string[] {
  if (!multiLabel) return [name];
  return current.includes(name) ? current.filter((label) => label !== name) : [...current, name];
}
