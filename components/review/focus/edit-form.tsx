"use client";

// Edit mode: a text box per editable piece of the row. Ctrl/⌘+Enter saves and Esc
// cancels (the focus view's keyboard handler calls onSave / onCancel); the
// buttons do the same for a mouse.
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import type { FieldIssue } from "@/lib/review/row-edits";
import type { EditSlot } from "./edit-slots";

type Props = {
  slots: EditSlot[];
  texts: Record<string, string>;
  onChange(key: string, text: string): void;
  onSave(): void;
  onCancel(): void;
  saving: boolean;
  issues: FieldIssue[];
  error: string | null;
};

/** `distractors.1` → `distractors[1]`: how issues name a slot's field. */
const issuePath = (key: string) => key.replace(/\.(\d+)/g, "[$1]");

export function EditForm({ slots, texts, onChange, onSave, onCancel, saving, issues, error }: Props) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>("textarea, select")?.focus(), []);
  return (
    <form
      ref={form}
      className="grid gap-3"
      data-testid="focus-edit"
      aria-label="Edit the row"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      {slots.map((slot) => {
        const id = `edit-${slot.key}`;
        const problems = issues.filter((issue) => issue.path === issuePath(slot.key) || issue.path.startsWith(`${issuePath(slot.key)}.`));
        const value = texts[slot.key] ?? slot.value;
        return (
          <div key={slot.key} className="grid gap-1">
            <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
              {slot.label}
            </label>
            {slot.options ? (
              <select id={id} data-testid={`edit-${slot.key}`} className="h-9 rounded-md border bg-card px-2 text-sm" value={value} onChange={(event) => onChange(slot.key, event.target.value)}>
                {slot.options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : (
              <Textarea
                id={id}
               
                data-testid={`edit-${slot.key}`}
                value={value}
                aria-invalid={problems.length > 0 || undefined}
                aria-describedby={problems.length ? `${id}-issues` : undefined}
                rows={Math.min(12, Math.max(2, Math.ceil(value.length / 70)))}
                onChange={(event) => onChange(slot.key, event.target.value)}
              />
            )}
            {problems.length ? (
              <p id={`${id}-issues`} className="text-xs text-destructive">
                {problems.map((issue) => `${issue.path} ${issue.message}`).join("; ")}
              </p>
            ) : null}
          </div>
        );
      })}
      {error ? (
        <p role="alert" data-testid="edit-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={saving} data-testid="edit-save">
          {saving ? "Saving…" : "Save edit"}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onCancel} data-testid="edit-cancel">
          Cancel
        </Button>
        <span className="text-xs text-muted-foreground">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> saves, <kbd>Esc</kbd> cancels. The original is kept.
        </span>
      </div>
    </form>
  );
}
