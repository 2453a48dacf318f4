// Text: per document type × topic × language × prompt, a list of texts.
import { runSingle, SYSTEM_PROMPT, type ItemInput, type RowDraft, type TypeEngine } from "./engine";
import { stringList } from "./lists";

function rows(output: unknown, input: ItemInput): RowDraft[] {
  const { documentType, topic } = input.cell as { documentType: string; topic: string };
  return (output as { texts: string[] }).texts.map((text) => ({ data: { text, document_type: documentType, topic, language: input.language }, text, labels: [] }));
}

export const textEngine: TypeEngine<"text"> = {
  type: "text",
  cells(design) {
    const cells = design.documentTypes.flatMap((documentType) =>
      design.topics.map((topic) => ({ values: { document_type: documentType, topic }, data: { documentType, topic } })),
    );
    return { cells, factors: { documentTypes: design.documentTypes.length, topics: design.topics.length } };
  },
  settings: () => ({}),
  rowsPerItem: (design) => design.samplesPerPrompt,
  callsPerItem: () => 1,
  single: {
    call: (input) => ({ step: "texts", system: SYSTEM_PROMPT, prompt: input.prompt, schema: stringList("texts", input.samples) }),
    rows,
  },
  run(input, steps) {
    return runSingle(this as Required<typeof this>, input, steps);
  },
};
