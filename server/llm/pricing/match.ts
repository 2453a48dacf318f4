// Model ids come dated ("gpt-4o-2024-08-06", "claude-sonnet-4-20250514") or
// vendor-prefixed ("openai/gpt-4o" on OpenRouter): match the longest known id
// the model starts with, after dropping a vendor prefix.
export function matchPrice<T>(model: string, prices: Record<string, T>): { model: string; price: T } | undefined {
  const id = model.includes("/") ? model.slice(model.lastIndexOf("/") + 1) : model;
  if (prices[id]) return { model: id, price: prices[id] };
  let best: string | undefined;
  for (const known of Object.keys(prices)) {
    if (id.startsWith(`${known}-`) || id.startsWith(`${known}:`) || id.startsWith(`${known}@`)) {
      if (!best || known.length > best.length) best = known;
    }
  }
  return best ? { model: best, price: prices[best]! } : undefined;
}
