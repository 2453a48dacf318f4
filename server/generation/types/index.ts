// Every dataset type's engine, by name.
import type { DatasetTypeName } from "@/lib/designs/design-schema";
import { classificationEngine } from "./classification";
import { conversationEngine } from "./conversation";
import type { TypeEngine } from "./engine";
import { mcqEngine } from "./mcq";
import { preferenceEngine } from "./preference";
import { reasoningEngine } from "./reasoning";
import { textEngine } from "./text";
import { transformEngine } from "./transform";

const engines: { [T in DatasetTypeName]: TypeEngine<T> } = {
  classification: classificationEngine,
  text: textEngine,
  conversation: conversationEngine,
  mcq: mcqEngine,
  preference: preferenceEngine,
  reasoning: reasoningEngine,
  transform: transformEngine,
};

export function engineFor<T extends DatasetTypeName>(type: T): TypeEngine<T> {
  return engines[type];
}

/**
 * The engine of a design, typed for that design: a narrowed design gets its own
 * type's engine, a `DatasetDesign` union gets the engine that accepts any design.
 */
export function engineOfDesign<D extends { type: DatasetTypeName }>(design: D): TypeEngine<D["type"]> {
  return engineFor(design.type);
}
