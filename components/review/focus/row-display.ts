// What the focus view shows for a row of each dataset type, from its data (with
// the reviewer's edits applied). Pure, so each type's mapping is unit-tested;
// row-body.tsx only lays it out, as React text.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import type { ReviewDesignInfo } from "@/lib/review/row-edits";

type Data = Record<string, unknown>;
export type Field = { name: string; value: string };
export type Side = { text: string; model: string | null; score: number | null; assessment: string | null };

export type RowDisplay =
  | { type: "classification"; text: string; labels: string[]; meta: Field[] }
  | { type: "text"; text: string; meta: Field[] }
  | { type: "conversation"; messages: { role: string; content: string }[]; meta: Field[] }
  | { type: "mcq"; question: string; options: { text: string; correct: boolean }[]; source: string; meta: Field[] }
  | { type: "preference"; instruction: string; chosen: Side; rejected: Side; swapped: boolean; evolution: string[]; meta: Field[] }
  | { type: "reasoning"; instruction: string; reasoning: string; answer: string; reasoningSource: string | null; verified: boolean | null; verification: string | null; meta: Field[] }
  | { type: "transform"; inputs: Field[]; outputs: Field[] };

const str = (value: unknown): string => (typeof value === "string" ? value : value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const obj = (value: unknown): Data => (value && typeof value === "object" && !Array.isArray(value) ? (value as Data) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : []);

/** The fields a type shows as small print (language, topic…), in a stable order. */
function meta(data: Data, names: string[]): Field[] {
  return names.filter((name) => data[name] !== undefined && data[name] !== null && data[name] !== "").map((name) => ({ name, value: str(data[name]) }));
}

/** A small deterministic PRNG (mulberry32) seeded from the row id: the same row always shows its options in the same order. */
function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The answer among the distractors, shuffled for display so it is not always first (Fisher–Yates, seeded). */
export function shuffleOptions(answer: string, distractors: string[], seed: string): { text: string; correct: boolean }[] {
  const options = [{ text: answer, correct: true }, ...distractors.map((text) => ({ text, correct: false }))];
  const random = seededRandom(seed);
  for (let i = options.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [options[i], options[j]] = [options[j]!, options[i]!];
  }
  return options;
}

/** The row as exported: its data with the reviewer's edited fields over it. */
export function effectiveData(data: unknown, editedData: unknown): Data {
  return { ...obj(data), ...obj(editedData) };
}

export function rowDisplay(type: DatasetTypeName, data: Data, options: { rowId: string; labels: string[]; info: ReviewDesignInfo }): RowDisplay {
  switch (type) {
    case "classification":
      return { type, text: str(data.text), labels: options.labels, meta: meta(data, ["language"]) };
    case "text":
      return { type, text: str(data.text), meta: meta(data, ["document_type", "topic", "language"]) };
    case "conversation":
      return {
        type,
        messages: (Array.isArray(data.messages) ? data.messages : []).map((message) => ({ role: str(obj(message).role), content: str(obj(message).content) })),
        meta: meta(data, ["persona", "topic", "subtopic", "language"]),
      };
    case "mcq":
      return { type, question: str(data.instruction), options: shuffleOptions(str(data.answer), strings(data.distractors), options.rowId), source: str(data.source), meta: meta(data, ["language"]) };
    case "preference": {
      const models = obj(data.models);
      const scores = obj(data.scores);
      const assessments = obj(data.assessments);
      const side = (name: "chosen" | "rejected"): Side => ({ text: str(data[name]), model: str(models[name]) || null, score: num(scores[name]), assessment: str(assessments[name]) || null });
      return { type, instruction: str(data.instruction), chosen: side("chosen"), rejected: side("rejected"), swapped: data.swapped === true, evolution: strings(data.evolution), meta: meta(data, ["topic", "language"]) };
    }
    case "reasoning":
      return {
        type,
        instruction: str(data.instruction),
        reasoning: str(data.reasoning),
        answer: str(data.answer),
        reasoningSource: str(data.reasoning_source) || null,
        verified: typeof data.verified === "boolean" ? data.verified : null,
        verification: str(data.verification) || null,
        meta: meta(data, ["topic", "language"]),
      };
    case "transform": {
      const outputs = new Set(options.info.outputFields.map((field) => field.name));
      const fields = Object.keys(data).map((name) => ({ name, value: str(data[name]) }));
      return { type, inputs: fields.filter((field) => !outputs.has(field.name)), outputs: fields.filter((field) => outputs.has(field.name)) };
    }
  }
}
