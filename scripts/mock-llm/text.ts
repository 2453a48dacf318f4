// Plausible English-ish filler, so generated rows look like text in the review UI and exports
// (length, spacing, punctuation) instead of "aaaa", while staying fully deterministic.
import type { Rng } from "./rng";

const ADJECTIVES = [
  "quiet", "bright", "practical", "careful", "simple", "modern", "local", "remote", "steady",
  "curious", "reliable", "early", "warm", "subtle", "useful", "rare", "busy", "gentle", "clear",
  "honest", "small", "large", "recent", "familiar",
] as const;
const NOUNS = [
  "team", "garden", "report", "market", "teacher", "river", "project", "city", "kitchen", "library",
  "customer", "engine", "museum", "village", "recipe", "journey", "meeting", "device", "student",
  "harbor", "budget", "festival", "window", "letter", "forest", "company", "neighbor", "schedule",
] as const;
const VERBS = [
  "improves", "describes", "supports", "changes", "follows", "shapes", "explains", "reaches",
  "protects", "reveals", "connects", "questions", "welcomes", "organizes", "measures", "builds",
] as const;
const ADVERBS = [
  "slowly", "often", "quietly", "clearly", "rarely", "usually", "suddenly", "gradually",
] as const;
const PREPOSITIONS = ["near", "behind", "across", "within", "around", "beyond", "after", "before"] as const;
const DETERMINERS = ["the", "a", "every", "each", "this", "our", "their"] as const;

// Instruction words say what to do, not what about; mixing them in would read like an echo.
const STOPWORDS = new Set([
  "about", "above", "after", "again", "also", "answer", "array", "based", "because", "before",
  "being", "below", "between", "both", "could", "does", "each", "example", "field", "following",
  "format", "from", "generate", "give", "have", "here", "into", "items", "json", "just", "like",
  "list", "make", "more", "most", "must", "only", "other", "output", "please", "provide", "respond",
  "response", "return", "same", "schema", "should", "some", "such", "than", "that", "their",
  "them", "then", "there", "these", "they", "this", "those", "through", "very", "what", "when",
  "where", "which", "while", "will", "with", "without", "would", "write", "your", "texts", "text",
  "tell", "describe", "explain", "create", "produce", "show", "short", "long", "many", "several",
  "different", "diverse", "unique", "sentence", "sentences", "paragraph", "language", "english",
]);

/** Up to `limit` distinct lowercase content words of a prompt, in order of appearance. */
export function extractContentWords(text: string, limit = 12): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[a-z][a-z'-]{3,}/g)) {
    // Singular nouns read better in "every <noun>" slots; -ss/-us/-is words are not plurals.
    const word = match[0].replace(/['-]+$/, "").replace(/(?<=[^sui])s$/, "");
    if (word.length < 4 || STOPWORDS.has(word) || words.includes(word)) continue;
    words.push(word);
    if (words.length >= limit) break;
  }
  return words;
}

function noun(rng: Rng, contentWords: readonly string[]): string {
  // About a third of the nouns come from the prompt, so rows visibly relate to what was asked.
  // Fewer prompt words get a smaller share, or a one-word prompt would fill every slot.
  const share = Math.min(0.35, 0.12 * contentWords.length);
  return rng.next() < share ? rng.pick(contentWords) : rng.pick(NOUNS);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence of roughly 7–14 words ending with a period. */
export function createSentence(rng: Rng, contentWords: readonly string[] = []): string {
  const words: string[] = [rng.pick(DETERMINERS)];
  if (rng.next() < 0.7) words.push(rng.pick(ADJECTIVES));
  words.push(noun(rng, contentWords));
  if (rng.next() < 0.3) words.push(rng.pick(ADVERBS));
  words.push(rng.pick(VERBS), rng.pick(DETERMINERS));
  if (rng.next() < 0.5) words.push(rng.pick(ADJECTIVES));
  words.push(noun(rng, contentWords));
  if (rng.next() < 0.6) words.push(rng.pick(PREPOSITIONS), "the", noun(rng, contentWords));
  return `${capitalize(words.join(" ").replace(/\ba (?=[aeiou])/g, "an "))}.`;
}

export function createParagraph(rng: Rng, sentences: number, contentWords: readonly string[] = []): string {
  return Array.from({ length: sentences }, () => createSentence(rng, contentWords)).join(" ");
}

/** A short title-like phrase (for `name`/`title`-ish fields). */
export function createPhrase(rng: Rng, wordCount: number, contentWords: readonly string[] = []): string {
  const words: string[] = [rng.pick(ADJECTIVES)];
  while (words.length < wordCount) words.push(noun(rng, contentWords));
  return capitalize(words.join(" "));
}

/** A single lowercase word, for identifiers and email/url parts. */
export function createWord(rng: Rng): string {
  return rng.pick(NOUNS);
}
