"use client";

// Password forms (change your own, reset by link): one labelled input with its
// problem under it, and the problems of a failed check by field — from the
// shared zod schema before sending, or from the server's answer.
import type { z } from "zod";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type FieldMessages = Record<string, string>;

export function PasswordInput({ name, label, autoComplete, hint, error }: { name: string; label: string; autoComplete: "current-password" | "new-password"; hint?: string; error?: string }) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={name}>{label}</Label>
      <Input id={name} name={name} type="password" autoComplete={autoComplete} required aria-invalid={error ? true : undefined} aria-describedby={describedBy} data-testid={`field-${name}`} />
      {error ? (
        <p id={`${name}-error`} className="text-xs text-destructive" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The first message for each field of a failed parse. */
export function messagesOfZod(error: z.ZodError): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of error.issues) messages[issue.path.map(String).join(".")] ??= issue.message;
  return messages;
}

type ServerErrorData = { zodError?: { fieldErrors?: Partial<Record<string, string[]>> } | null; issues?: { path: string; message: string }[] | null } | null | undefined;

/** A refused call: problems by field (input errors, AppError issues), and the message when it is not only about fields. */
export function messagesOfServer(caught: unknown): { fields: FieldMessages; message: string | null } {
  const error = caught as { message?: string; data?: ServerErrorData };
  const fields: FieldMessages = {};
  for (const [path, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) if (messages?.[0]) fields[path] ??= messages[0];
  const fromZod = Object.keys(fields).length > 0;
  for (const issue of error.data?.issues ?? []) fields[issue.path] ??= issue.message;
  return { fields, message: fromZod ? null : (error.message ?? "Something went wrong. Try again.") };
}
