import { readFileSync } from "node:fs";
import type { DatasetDesign } from "@/lib/designs/design-schema";
import { parseDesignText } from "@/lib/designs/design-file";
import { CliError } from "./output";

/** Reads and validates a design file; every problem is named with its field and fix. */
export function readDesignFile(file: string): DatasetDesign {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read design file ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  const result = parseDesignText(text);
  if (result.ok) return result.design;
  if (result.kind === "json") throw new CliError(`${file} is not valid JSON${result.line ? ` (line ${result.line})` : ""}: ${result.message}`);
  throw new CliError(`${file} is not a valid design:\n${result.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n")}`);
}
