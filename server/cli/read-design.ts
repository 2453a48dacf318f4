import { readFileSync } from "node:fs";
import { datasetDesignSchema, type DatasetDesign } from "@/lib/designs/design-schema";
import { formatIssues } from "@/lib/designs/format-issues";
import { CliError } from "./output";

/** Reads and validates a design file; every problem is named with its field and fix. */
export function readDesignFile(file: string): DatasetDesign {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`Cannot read design file ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` (line ${text.slice(0, Number(position[1])).split("\n").length})` : "";
    throw new CliError(`${file} is not valid JSON${where}: ${message}`);
  }
  const parsed = datasetDesignSchema.safeParse(json);
  if (!parsed.success) {
    const lines = formatIssues(parsed.error).map((issue) => `  ${issue.path}: ${issue.message}`);
    throw new CliError(`${file} is not a valid design:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
