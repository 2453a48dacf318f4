// Edit mode as one text box per editable piece of a row (a message's content, one
// distractor…), and back: the slots' texts become the edited fields the server
// validates. Also what changed, slot by slot, for the diff shown after saving.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { editableFieldNames, type ReviewDesignInfo } from "@/lib/review/row-edits";
import { diffWords, type DiffPart } from "@/lib/review/word-diff";

export type EditSlot = {
  /** `text`, `messages.1.content`, `distractors.0`: the field, and where in it. */
  key: string;
  label: string;
  value: string;
  /** How the text becomes a value: a transform's numbers, booleans and enums are not text. */
  kind: "text" | "number" | "boolean" | "enum";
  options?: string[];
};

type Data = Record<string, unknown>;
const asText = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : String(value));
const ordinal = (index: number) => `${index + 1}`;

export function editSlots(type: DatasetTypeName, data: Data, info: ReviewDesignInfo): EditSlot[] {
  const slots: EditSlot[] = [];
  for (const name of editableFieldNames(type, info)) {
    const value = data[name];
    if (name === "messages" && Array.isArray(value)) {
      value.forEach((message, index) => {
        const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
        slots.push({ key: `messages.${index}.content`, label: `Message ${ordinal(index)} (${asText(role)})`, value: asText(content), kind: "text" });
      });
    } else if (name === "distractors" && Array.isArray(value)) {
      value.forEach((distractor, index) => slots.push({ key: `distractors.${index}`, label: `Distractor ${ordinal(index)}`, value: asText(distractor), kind: "text" }));
    } else if (type === "transform") {
      const field = info.outputFields.find((candidate) => candidate.name === name)!;
      const kind = field.type === "string" ? "text" : field.type;
      slots.push({ key: name, label: name, value: asText(value), kind, options: field.type === "enum" ? field.values : field.type === "boolean" ? ["true", "false"] : undefined });
    } else {
      slots.push({ key: name, label: name, value: asText(value), kind: "text" });
    }
  }
  return slots;
}

function parseSlot(slot: EditSlot, text: string): unknown {
  if (slot.kind === "number") return text.trim() === "" ? Number.NaN : Number(text);
  if (slot.kind === "boolean") return text === "true";
  return text;
}

/** The editable fields rebuilt from the slots' texts (whole field values, as `reviews.edit` takes them). */
export function slotsToFields(type: DatasetTypeName, data: Data, slots: EditSlot[], texts: Record<string, string>): Data {
  const fields: Data = {};
  for (const slot of slots) {
    const text = texts[slot.key] ?? slot.value;
    const [name, index, part] = slot.key.split(".") as [string, string?, string?];
    if (index === undefined) {
      fields[name] = parseSlot(slot, text);
      continue;
    }
    const list = (fields[name] ??= structuredClone(Array.isArray(data[name]) ? data[name] : [])) as unknown[];
    if (part) list[Number(index)] = { ...(list[Number(index)] as Data), [part]: text };
    else list[Number(index)] = text;
  }
  return fields;
}

export type SlotDiff = { key: string; label: string; parts: DiffPart[] };

/** The slots whose text differs between the original row and the edited one, each as a word diff. */
export function slotDiffs(type: DatasetTypeName, original: Data, edited: Data, info: ReviewDesignInfo): SlotDiff[] {
  const before = new Map(editSlots(type, original, info).map((slot) => [slot.key, slot]));
  return editSlots(type, edited, info).flatMap((slot) => {
    const old = before.get(slot.key)?.value ?? "";
    return old === slot.value ? [] : [{ key: slot.key, label: slot.label, parts: diffWords(old, slot.value) }];
  });
}
