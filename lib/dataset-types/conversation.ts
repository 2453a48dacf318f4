import type { BuiltinVariable } from "@/lib/prompts";

/** Variables of the template that asks for the opening questions; later turns use fixed prompts. */
export const conversationBuiltins: BuiltinVariable[] = [
  { name: "topic", mandatory: true, description: "the topic; each topic (× subtopic) gets its own conversations" },
  { name: "subtopic", mandatory: false, description: "the subtopic (a topic without subtopics leaves it empty)" },
  { name: "domain", mandatory: false, description: "the domain of the assistant (the design's domain)" },
  { name: "persona", mandatory: false, description: "the persona of the user (each persona gets its own conversations)" },
  { name: "language", mandatory: false, description: "the language name; mandatory when the design has several languages" },
  { name: "num_samples", mandatory: false, description: "how many opening questions (so conversations) one prompt asks for" },
];

export type ConversationMessage = { role: "user" | "assistant"; content: string };
export type ConversationRow = { messages: ConversationMessage[]; persona: string; topic: string; subtopic: string; language: string };
