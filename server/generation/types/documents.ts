// Cells of the types that read documents (mcq, preference, reasoning) or, without a source, topics.
import type { SourceDocument } from "@/lib/sources/source-ref";
import type { Cell } from "./engine";

export type DocumentCell = { document: string; context: string; sourceOrdinal: number };
export type TopicCell = { topic: string };

export function documentCells(documents: readonly SourceDocument[] | undefined): { cells: Cell[]; factors: Record<string, number> } {
  if (!documents || documents.length === 0) throw new Error("The design's source has no documents within its length bounds; widen minLength/maxLength or choose another source.");
  return {
    cells: documents.map((doc) => ({ values: { document: doc.text, context: doc.context ?? "" }, data: { document: doc.text, context: doc.context ?? "", sourceOrdinal: doc.ordinal } satisfies DocumentCell })),
    factors: { documents: documents.length },
  };
}

export function topicCells(topics: readonly string[]): { cells: Cell[]; factors: Record<string, number> } {
  return { cells: topics.map((topic) => ({ values: { topic }, data: { topic } satisfies TopicCell })), factors: { topics: topics.length } };
}

export function documentOrTopicCells(design: { topics?: string[] }, documents: readonly SourceDocument[] | undefined) {
  return design.topics ? topicCells(design.topics) : documentCells(documents);
}

/** What a row says about where its prompt came from. */
export function origin(cell: Record<string, unknown>): Record<string, unknown> {
  return "topic" in cell ? { topic: cell.topic } : { source: cell.document };
}
