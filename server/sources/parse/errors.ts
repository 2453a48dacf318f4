import { AppError } from "@/server/errors";

/** `notes.csv, line 7: <problem>. <fix>` — every parse error names the file and the place. */
export function fileError(fileName: string, where: string | undefined, message: string): AppError {
  return new AppError("BAD_REQUEST", `${fileName}${where ? `, ${where}` : ""}: ${message}`);
}
