// Classification: per label × language × prompt, a list of texts. With
// multiLabel each text also carries any other labels that fit it.
import { z } from "zod";
import { runSingle, SYSTEM_PROMPT, type ItemInput, type RowDraft, type TypeEngine } from "./engine";
import { cached, exactly, nonEmpty, stringList } from "./lists";

type Settings = { multiLabel: boolean; labels: string[] };

function multiLabelSchema(labels: string[], label: string, count: number) {
  return cached(`multi:${labels.join("\u0000")}:${label}:${count}`, () =>
    z.object({
      items: exactly(
        z.object({
          text: nonEmpty("text"),
          labels: z
            .array(z.enum(labels as [string, ...string[]]))
            .min(1)
            .refine((chosen) => chosen.includes(label), { error: `labels must include "${label}", the label this text was written for` }),
        }),
        count,
        "items",
      ),
    }),
  );
}

/** The output schema of single-label items (kept for the engine benchmark and tests). */
export const classificationOutputSchema = (samples: number) => stringList("texts", samples);

function call(input: ItemInput) {
  const settings = input.settings as Settings;
  const label = String(input.cell.label);
  if (!settings.multiLabel) return { step: "texts", system: SYSTEM_PROMPT, prompt: input.prompt, schema: classificationOutputSchema(input.samples) };
  const prompt = `${input.prompt}\n\nFor each text, list every label that applies: always "${label}", plus any of ${settings.labels.map((name) => `"${name}"`).join(", ")} that also fit.`;
  return { step: "texts", system: SYSTEM_PROMPT, prompt, schema: multiLabelSchema(settings.labels, label, input.samples) };
}

function rows(output: unknown, input: ItemInput): RowDraft[] {
  const label = String(input.cell.label);
  if ((input.settings as Settings).multiLabel) {
    return (output as { items: { text: string; labels: string[] }[] }).items.map(({ text, labels }) => {
      const unique = [label, ...labels.filter((name, index) => name !== label && labels.indexOf(name) === index)];
      return { data: { text, label, labels: unique, language: input.language }, text, labels: unique };
    });
  }
  return (output as { texts: string[] }).texts.map((text) => ({ data: { text, label, language: input.language }, text, labels: [label] }));
}

export const classificationEngine: TypeEngine<"classification"> = {
  type: "classification",
  cells(design) {
    const all = design.labels.map((label) => label.name).join(", ");
    return {
      cells: design.labels.map((label) => ({ values: { label: label.name, label_description: label.description, labels: all }, data: { label: label.name } })),
      factors: { labels: design.labels.length },
    };
  },
  settings: (design) => ({ multiLabel: design.multiLabel, labels: design.labels.map((label) => label.name) }),
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem: () => 1,
  single: { call, rows },
  run(input, steps) {
    return runSingle(this as Required<typeof this>, input, steps);
  },
};
