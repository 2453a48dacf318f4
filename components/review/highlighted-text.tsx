import { findMatches, splitByMatches, type SearchTerms, type TextRange } from "@/lib/review/search-terms";

/**
 * Text with its search matches in <mark>. Generated text is untrusted: it is
 * only ever a React text child, never HTML.
 */
export function HighlightedText({ text, terms, ranges }: { text: string; terms?: SearchTerms; ranges?: TextRange[] }) {
  const matches = ranges ?? (terms ? findMatches(text, terms) : []);
  if (matches.length === 0) return <>{text}</>;
  return (
    <>
      {splitByMatches(text, matches).map((piece, index) =>
        piece.match ? (
          <mark key={index} data-testid="search-match" className="rounded-sm bg-warning/30 px-0.5 text-foreground">
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
