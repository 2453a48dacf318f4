import type { z } from "zod";

/** One line per problem, each naming the field: `templates.0: Unknown variable {{tones}}…`. */
export function formatIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(design)",
    message: issue.message,
  }));
}
