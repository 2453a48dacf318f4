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

/** A string in a JSON schema `format` (date, email, uuid…), or undefined for formats it does not know. */
export function createFormatted(format: string, rng: Rng): string | undefined {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const date = `20${pad(rng.int(20, 29))}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const time = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  const hex = (length: number): string =>
    Array.from({ length }, () => "0123456789abcdef"[rng.int(0, 15)]).join("");
  switch (format) {
    case "date-time":
      return `${date}T${time}Z`;
    case "date":
      return date;
    case "time":
      return `${time}Z`;
    case "email":
      return `${createWord(rng)}.${createWord(rng)}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/${createWord(rng)}/${rng.int(1, 999)}`;
    case "hostname":
      return `${createWord(rng)}.example.com`;
    case "ipv4":
      return `192.0.2.${rng.int(1, 254)}`;
    case "uuid":
      // Version 4 nibble and RFC 4122 variant, so strict uuid validators (zod) accept it.
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${rng.pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}`;
    default:
      return undefined;
  }
}
