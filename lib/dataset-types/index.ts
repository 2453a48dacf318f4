// What the UI and the server know about each dataset type. Only classification
// is implemented so far; the others are listed in DESIGN.md.
import type { BuiltinVariable } from "@/lib/prompts";
import { classificationBuiltins } from "./classification";

export type DatasetTypeInfo = {
  type: "classification";
  title: string;
  description: string;
  builtins: BuiltinVariable[];
  /** Row fields in export order. */
  columns: string[];
};

export const datasetTypes: Record<DatasetTypeInfo["type"], DatasetTypeInfo> = {
  classification: {
    type: "classification",
    title: "Classification",
    description: "Short texts for each label, in each language: training data for a text classifier.",
    builtins: classificationBuiltins,
    columns: ["text", "label", "language"],
  },
};
