// The issue bookkeeping shared by the settings forms: the shared zod schema's
// verdict (shown once the user tried to save, live from then on so a message
// goes as soon as it is fixed) plus the server's answer to the last save.
import { useState } from "react";
import type { z } from "zod";
import { issuesAt, type FieldIssue } from "@/components/datasets/form-issues";
import { issuesFromServer, issuesFromZod } from "./form-issues";

type Parsed = { success: true } | { success: false; error: z.ZodError };
type ServerError = { message: string; data?: Parameters<typeof issuesFromServer>[0] };

export function useFormIssues(parsed: Parsed, fieldPaths: ReadonlySet<string>) {
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ issues: FieldIssue[]; message?: string } | null>(null);
  const issues = [...(attempted && !parsed.success ? issuesFromZod(parsed.error) : []), ...(server?.issues ?? [])];
  const at = (path: string) => issuesAt(issues, path);
  return {
    at,
    invalid: (path: string) => at(path).length > 0 || undefined,
    /** What no field shows (a problem with the request itself), listed under the form. */
    general: [server?.message, ...issues.filter((issue) => !fieldPaths.has(issue.path)).map((issue) => `${issue.path || "input"}: ${issue.message}`)].filter(Boolean).join("\n"),
    /** Call on submit: true when the draft is valid and may be sent. */
    attempt: () => {
      setAttempted(true);
      setServer(null);
      return parsed.success;
    },
    /** The server's verdict was about the draft as sent; any edit may fix it. */
    clearServer: () => setServer(null),
    onError: (error: ServerError) => {
      const fieldIssues = issuesFromServer(error.data);
      setServer({ issues: fieldIssues, message: fieldIssues.length > 0 ? undefined : error.message });
    },
  };
}
