import type { BuiltinVariable } from "@/lib/prompts";
import { documentOrTopicBuiltins } from "./documents";

export const preferenceBuiltins = (fromDocuments: boolean): BuiltinVariable[] => documentOrTopicBuiltins(fromDocuments);

/** EvolInstruct strategies: each round rewrites every instruction with one of them. */
export const evolStrategies = ["deepen", "broaden", "concretize", "constrain", "reason"] as const;
export type EvolStrategy = (typeof evolStrategies)[number];

export type PreferenceScores = { chosen: number; rejected: number };
export type PreferenceRow = {
  instruction: string;
  chosen: string;
  rejected: string;
  models: { chosen: string; rejected: string };
  scores: PreferenceScores | null;
  assessments: { chosen: string; rejected: string } | null;
  /** The judge preferred the response generated as "rejected", so the two were swapped. */
  swapped: boolean;
  evolution: EvolStrategy[];
  language: string;
};
