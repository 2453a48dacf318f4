// The words of a search box, as Postgres' 'simple' text-search parser sees them
// (runs of letters and digits, lower-cased), and where they occur in a text. The
// server turns the words into a tsquery (the last one as a prefix); the grid uses
// the same matcher to highlight them, so what is found is what gets marked.

export type SearchTerms = { words: string[] };
export type TextRange = { start: number; end: number };

// Letters with their combining marks, and decimal digits: what the parser keeps in one word once ASCII punctuation is a space.
const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;
/** tsquery lexemes this long are rejected by Postgres (2047 bytes); nobody searches for them. */
const MAX_WORD_LENGTH = 100;
const MAX_WORDS = 16;

export function searchTerms(q: string | undefined): SearchTerms {
  if (!q) return { words: [] };
  const words = (q.normalize("NFC").toLowerCase().match(WORD) ?? []).filter((word) => word.length <= MAX_WORD_LENGTH);
  return { words: words.slice(0, MAX_WORDS) };
}

/**
 * A to_tsquery('simple', …) string: every word required, the last as a prefix.
 * Words hold only letters and digits, so quoting them leaves nothing for the
 * tsquery syntax to interpret.
 */
export function toTsQuery(terms: SearchTerms): string | null {
  if (terms.words.length === 0) return null;
  return terms.words.map((word, index) => (index === terms.words.length - 1 ? `'${word}':*` : `'${word}'`)).join(" & ");
}

/** Ranges of `text` that match a search word (whole words, the last word also as a prefix). */
export function findMatches(text: string, terms: SearchTerms): TextRange[] {
  if (terms.words.length === 0 || !text) return [];
  const whole = new Set(terms.words.slice(0, -1));
  const prefix = terms.words.at(-1)!;
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = match[0].normalize("NFC").toLowerCase();
    if (token === prefix || token.startsWith(prefix) || whole.has(token)) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

export type TextPiece = { text: string; match: boolean };

/** Splits a text into plain and matching pieces, for rendering with <mark> (never as HTML). */
export function splitByMatches(text: string, ranges: TextRange[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start < at) continue;
    if (range.start > at) pieces.push({ text: text.slice(at, range.start), match: false });
    pieces.push({ text: text.slice(range.start, range.end), match: true });
    at = range.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

export type Snippet = { text: string; matches: TextRange[] };

/** A window of `text` around its first match (the start when none), with the matches inside it. */
export function snippetOf(text: string, terms: SearchTerms, width = 240): Snippet {
  const all = findMatches(text, terms);
  if (text.length <= width) return { text, matches: all };
  const first = all[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(width / 4));
  // Start on a word boundary when one is near, so the snippet does not open mid-word.
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    if (space >= 0 && start - space < 20) start = space + 1;
  }
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const shift = prefix.length - start;
  const matches = all.filter((range) => range.start >= start && range.end <= end).map((range) => ({ start: range.start + shift, end: range.end + shift }));
  return { text: prefix + text.slice(start, end) + suffix, matches };
}
