// USD per million tokens. Design files can set `pricing` for models not listed.
// Unknown models cost 0 and the run says the cost is unknown rather than guessing.
export type Pricing = { inputPerMillion: number; outputPerMillion: number };

const table: Record<string, Pricing> = {
  "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
  "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
  "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
};

export function priceFor(model: string, override?: Pricing): Pricing | undefined {
  return override ?? table[model];
}

export function costUsd(usage: { inputTokens: number; outputTokens: number }, pricing: Pricing | undefined): number {
  if (!pricing) return 0;
  return (usage.inputTokens * pricing.inputPerMillion + usage.outputTokens * pricing.outputPerMillion) / 1_000_000;
}
