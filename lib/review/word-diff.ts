// Word-level diff of an original and an edited text (Myers' O(ND) algorithm over
// word, space and punctuation tokens), for showing what a reviewer changed.
export type DiffPart = { kind: "equal" | "delete" | "insert"; text: string };

/** Past this many edit steps a diff stops being readable; the changed middle is shown replaced whole. */
const MAX_EDIT_STEPS = 1_500;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? [];
}

type Op = { kind: DiffPart["kind"]; token: string };

/** The shortest edit script from a to b, or null past maxSteps. */
function shortestEdit(a: readonly string[], b: readonly string[], maxSteps: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d-1 .. d+1] as it was before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, maxSteps); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], last: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d--) {
    const window = trace[d]!;
    const at = (k: number) => window[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: "equal", token: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: "insert", token: b[--y]! });
    else ops.push({ kind: "delete", token: a[--x]! });
  }
  return ops.reverse();
}

function merge(ops: Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts.at(-1);
    if (last?.kind === op.kind) last.text += op.token;
    else parts.push({ kind: op.kind, text: op.token });
  }
  return parts;
}

/**
 * Lone spaces between two changes are folded into them, so "the red cat" → "a
 * blue cat" reads as one deletion and one insertion instead of word-by-word confetti.
 * Deletions come before insertions within each change.
 */
function regroup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ kind: "delete", text: del });
    if (ins) out.push({ kind: "insert", text: ins });
    del = ins = "";
  };
  parts.forEach((part, index) => {
    const between = part.kind === "equal" && /^\s+$/.test(part.text) && (del || ins) && parts[index + 1] && parts[index + 1]!.kind !== "equal";
    if (part.kind === "delete") del += part.text;
    else if (part.kind === "insert") ins += part.text;
    else if (between) {
      del += part.text;
      ins += part.text;
    } else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

export function diffWords(original: string, edited: string): DiffPart[] {
  if (original === edited) return original ? [{ kind: "equal", text: original }] : [];
  const a = tokenize(original);
  const b = tokenize(edited);
  // A shared start and end cost nothing to find and shrink the search.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const middle = shortestEdit(middleA, middleB, MAX_EDIT_STEPS) ?? [
    ...middleA.map((token): Op => ({ kind: "delete", token })),
    ...middleB.map((token): Op => ({ kind: "insert", token })),
  ];
  const ops: Op[] = [...a.slice(0, start).map((token): Op => ({ kind: "equal", token })), ...middle, ...a.slice(a.length - end).map((token): Op => ({ kind: "equal", token }))];
  return regroup(merge(ops));
}
