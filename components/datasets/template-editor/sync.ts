/**
 * The smallest single replacement turning `current` into `next` (common prefix and suffix
 * kept), so a value set from outside moves the cursor only if the text around it changed.
 * Null when the texts are equal.
 */
export function minimalChange(current: string, next: string): { from: number; to: number; insert: string } | null {
  if (current === next) return null;
  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  return { from: start, to: current.length - end, insert: next.slice(start, next.length - end) };
}
