// The fields a dataset type adds to the common design (topics, personas, the
// source, output fields…), shown read-only on the dataset page.
import type { DatasetDesign } from "@/lib/designs/design-schema";

const COMMON = new Set(["type", "name", "description", "languages", "models", "templates", "variables", "expansion", "samplesPerPrompt", "labels", "multiLabel"]);

const titles: Record<string, string> = {
  documentTypes: "Document types", topics: "Topics", domain: "Domain", personas: "Personas", maxTurns: "Max turns",
  continuationProbability: "Continuation probability", seed: "Seed", source: "Source", evolInstruct: "EvolInstruct",
  rejectedModel: "Rejected model", judge: "Judge", outputFields: "Output fields",
};

function describe(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === "string")) return value.join(", ");
  if (value && typeof value === "object" && "records" in value && Array.isArray((value as { records: unknown[] }).records)) {
    const { records, ...rest } = value as { records: unknown[] };
    return `${records.length} inline record${records.length === 1 ? "" : "s"}; ${JSON.stringify(rest)}`;
  }
  return JSON.stringify(value, null, 1);
}

export function TypeFields({ design }: { design: DatasetDesign }) {
  const entries = Object.entries(design).filter(([key, value]) => !COMMON.has(key) && value !== undefined);
  return (
    <>
      {entries.map(([key, value]) => (
        <div key={key} className="grid gap-1.5 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-4">
          <dt className="text-sm text-muted-foreground">{titles[key] ?? key}</dt>
          <dd className="min-w-0 text-sm break-words whitespace-pre-wrap">{describe(value)}</dd>
        </div>
      ))}
    </>
  );
}
