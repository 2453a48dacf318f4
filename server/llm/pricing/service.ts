// Prices: design `pricing` > user price (Settings → Prices) > shipped default.
// Unknown models cost 0 and are reported as "price unknown", never guessed.
import type { PrismaClient } from "@/server/generated/prisma/client";
import { defaultPrices, PRICES_TAKEN_ON, type Price } from "./defaults";
import { matchPrice } from "./match";
import { deleteUserPrice, findUserPrices, upsertUserPrice } from "./queries";

export type PriceSource = "design" | "user" | "default";
export type ResolvedPrice = Price & { source: PriceSource; matched: string };

// Short: another process (a worker, the CLI) may change prices; runs freeze theirs at launch anyway.
const CACHE_MS = 5_000;
let cache: { at: number; prices: Record<string, Price> } | undefined;

async function userPrices(db: PrismaClient): Promise<Record<string, Price>> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.prices;
  const rows = await findUserPrices(db);
  cache = { at: Date.now(), prices: Object.fromEntries(rows.map((row) => [row.model, { inputPerMillion: row.inputPerMillion, outputPerMillion: row.outputPerMillion }])) };
  return cache.prices;
}

export async function resolvePrice(db: PrismaClient, model: string, override?: Price): Promise<ResolvedPrice | undefined> {
  if (override) return { ...override, source: "design", matched: model };
  const user = matchPrice(model, await userPrices(db));
  if (user) return { ...user.price, source: "user", matched: user.model };
  const shipped = matchPrice(model, defaultPrices);
  return shipped ? { ...shipped.price, source: "default", matched: shipped.model } : undefined;
}

export function costOf(usage: { inputTokens: number; outputTokens: number }, price: Price | undefined): number {
  if (!price) return 0;
  return (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000;
}

export async function listPrices(db: PrismaClient) {
  const user = await findUserPrices(db);
  const userByModel = new Map(user.map((row) => [row.model, row]));
  const defaults = Object.entries(defaultPrices).map(([model, price]) => ({
    model, ...price, source: userByModel.has(model) ? ("user" as const) : ("default" as const),
    default: price, ...(userByModel.has(model) ? { inputPerMillion: userByModel.get(model)!.inputPerMillion, outputPerMillion: userByModel.get(model)!.outputPerMillion } : {}),
  }));
  const custom = user.filter((row) => !(row.model in defaultPrices)).map((row) => ({ model: row.model, inputPerMillion: row.inputPerMillion, outputPerMillion: row.outputPerMillion, source: "user" as const, default: null }));
  return { takenOn: PRICES_TAKEN_ON, prices: [...custom, ...defaults] };
}

export async function setPrice(db: PrismaClient, input: { model: string; inputPerMillion: number; outputPerMillion: number }) {
  cache = undefined;
  return upsertUserPrice(db, input);
}

/** Removes the user's price: a shipped model falls back to its default. */
export async function resetPrice(db: PrismaClient, model: string) {
  cache = undefined;
  await deleteUserPrice(db, model);
  return { model };
}
