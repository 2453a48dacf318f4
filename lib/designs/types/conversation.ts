import { z } from "zod";
import { conversationBuiltins } from "@/lib/dataset-types/conversation";
import { addBaseIssues, addDuplicateIssues, baseFields, designSeed, nameList } from "../design-base";

export const conversationTopicSchema = z
  .object({
    name: z.string().trim().min(1, { error: "topic name is required" }).max(200),
    subtopics: z.array(z.string().trim().min(1, { error: "subtopics must not be empty" }).max(200)).max(100).default([]),
  })
  .strict();

export const MAX_TURNS = 10;

export const conversationDesignSchema = z
  .object({
    ...baseFields,
    type: z.literal("conversation"),
    /** What the assistant is for ("customer support for a bank"). */
    domain: z.string().trim().min(1, { error: "domain is required, e.g. \"customer support for an online bank\"" }).max(500),
    topics: z.array(conversationTopicSchema).min(1, { error: "topics needs at least one topic" }).max(500),
    personas: nameList("personas", 100),
    /** User turns at most, the opening question included. */
    maxTurns: z.number().int().min(1).max(MAX_TURNS, { error: `maxTurns must be between 1 and ${MAX_TURNS}` }).default(3),
    /** After each assistant answer, the chance that the user asks a follow-up (seeded per conversation). */
    continuationProbability: z.number().min(0).max(1, { error: "continuationProbability must be between 0 and 1" }).default(0.5),
    seed: designSeed,
  })
  .strict()
  .superRefine((design, ctx) => {
    addDuplicateIssues(ctx, design.topics.map((topic) => topic.name), ["topics"], "topic", ["name"]);
    design.topics.forEach((topic, index) => addDuplicateIssues(ctx, topic.subtopics, ["topics", index, "subtopics"], "subtopic"));
    addDuplicateIssues(ctx, design.personas, ["personas"], "persona");
    addBaseIssues(ctx, design, conversationBuiltins, "conversation");
  });

export type ConversationDesign = z.infer<typeof conversationDesignSchema>;
