// Per-field problems from the shared zod schema (before sending) or from the
// server (zod input errors and AppError issues), in one shape for the form.
import type { z } from "zod";
import type { FieldIssue } from "@/components/datasets/form-issues";

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

type ServerErrorData = { issues?: FieldIssue[] | null; zodError?: { fieldErrors: Partial<Record<string, string[]>>; formErrors: string[] } | null } | null | undefined;

export function issuesFromServer(data: ServerErrorData): FieldIssue[] {
  const fromZod = Object.entries(data?.zodError?.fieldErrors ?? {}).flatMap(([path, messages]) => (messages ?? []).map((message) => ({ path, message })));
  const general = (data?.zodError?.formErrors ?? []).map((message) => ({ path: "", message }));
  return [...(data?.issues ?? []), ...fromZod, ...general];
}
