import { AlertCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { cn } from "@/components/ui/cn";

/** A problem with one field of the design, as the API reports it: `labels.0.name`, `templates.1`… */
export type FieldIssue = { path: string; message: string };

/** Messages for `path` and anything nested under it. */
export function issuesAt(issues: readonly FieldIssue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`)).map((issue) => issue.message);
}

export function FieldIssues({ messages, className }: { messages: readonly string[]; className?: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className={cn("space-y-0.5 text-xs text-destructive", className)}>
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  );
}

/** A labelled form field with its hint and its validation messages. */
export function Field({ label, htmlFor, hint, issues = [], children, className }: { label: string; htmlFor?: string; hint?: ReactNode; issues?: readonly string[]; children: ReactNode; className?: string }) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && issues.length === 0 ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldIssues messages={issues} />
    </div>
  );
}

/** Every problem in one place, each naming its field, so none hides in a collapsed section. */
export function FormIssues({ issues, message }: { issues: readonly FieldIssue[]; message?: string }) {
  if (issues.length === 0 && !message) return null;
  return (
    <div role="alert" data-testid="form-error" className="rounded-lg border border-destructive/30 bg-destructive/5 p-4 text-sm">
      <p className="flex items-center gap-2 font-medium text-destructive">
        <AlertCircle className="size-4" aria-hidden />
        {issues.length > 0 ? `The design has ${issues.length} problem${issues.length === 1 ? "" : "s"}` : "Something went wrong"}
      </p>
      {message && issues.length === 0 ? <p className="mt-2 whitespace-pre-wrap text-destructive/90">{message}</p> : null}
      {issues.length > 0 ? (
        <ul className="mt-2 space-y-1.5">
          {issues.map((issue, index) => (
            <li key={index} className="text-destructive/90">
              <code className="mr-1.5 rounded bg-destructive/10 px-1 py-0.5 font-mono text-xs">{issue.path}</code>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
