// Near-duplicate detection: MinHash signatures over word shingles, banded
// (locality-sensitive hashing) so only rows that agree on a whole band are ever
// compared. Memory is a signature per text (128 numbers), whatever its length;
// the work is linear in the texts plus the candidate pairs. Pure, no I/O.

export type MinHashOptions = {
  /** Words per shingle. */
  shingleSize: number;
  /** Hash functions in a signature; the Jaccard estimate's error is about 0.5 / sqrt(numHashes). */
  numHashes: number;
  /** Words of a text considered at most (a long document is compared by its beginning). */
  maxWords: number;
};

export const DEFAULT_MINHASH: MinHashOptions = { shingleSize: 2, numHashes: 128, maxWords: 2000 };

/** Texts at most: a document index takes 22 bits of a band key (see `candidatePairs`). */
export const MAX_TEXTS = 1 << 22;

/** murmur3's finalizer: a well-mixed 32-bit hash of a 32-bit value. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words (letters and digits), after Unicode compatibility normalization. */
export function wordsOf(text: string, maxWords = DEFAULT_MINHASH.maxWords): string[] {
  const words: string[] = [];
  for (const match of text.normalize("NFKC").toLowerCase().matchAll(WORD)) {
    words.push(match[0]);
    if (words.length >= maxWords) break;
  }
  return words;
}

/** Hashes of the text's word shingles, distinct and sorted. A text shorter than one shingle is one shingle. */
export function shingleHashes(text: string, options: Pick<MinHashOptions, "shingleSize" | "maxWords"> = DEFAULT_MINHASH): Uint32Array {
  const words = wordsOf(text, options.maxWords).map(hashString);
  if (words.length === 0) return new Uint32Array(0);
  const k = Math.min(options.shingleSize, words.length);
  const out = new Uint32Array(words.length - k + 1);
  for (let start = 0; start + k <= words.length; start++) {
    let h = 0x9e3779b9;
    for (let i = start; i < start + k; i++) h = mix32((h ^ words[i]!) + i - start);
    out[start] = h;
  }
  out.sort();
  let distinct = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[distinct++] = out[i]!;
  return out.subarray(0, distinct);
}

/** Seeded multipliers (odd) and offsets of the hash functions: the same options always give the same signatures. */
export function hashFunctions(numHashes: number, seed = 42): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(numHashes);
  const b = new Uint32Array(numHashes);
  let state = seed >>> 0;
  const next = () => (state = mix32(state + 0x6d2b79f5));
  for (let i = 0; i < numHashes; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return { a, b };
}

/** The MinHash signature of a shingle set into `out` (numHashes values); all 0xffffffff for an empty set. */
export function signatureInto(shingles: Uint32Array, fns: { a: Uint32Array; b: Uint32Array }, out: Uint32Array): void {
  out.fill(0xffffffff);
  const n = out.length;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < n; i++) {
      // (a·x + b) mod 2^32 permutes the (already mixed) shingle hashes; its high bits decide the minimum.
      const h = (Math.imul(fns.a[i]!, x) + fns.b[i]!) >>> 0;
      if (h < out[i]!) out[i] = h;
    }
  }
}

/** Exact Jaccard similarity of two sorted distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Rows per band for a similarity threshold: a pair at the threshold becomes a candidate with probability above 99 %. */
export function rowsPerBand(threshold: number): number {
  return threshold >= 0.6 ? 4 : 2;
}

export type DuplicateGroupFound = { members: number[]; similarity: number };

/**
 * Signatures of many texts, grouped into near-duplicates. `add` a text at a time
 * (the caller streams them), then `groups(threshold)`.
 */
export class MinHashIndex {
  private readonly fns: { a: Uint32Array; b: Uint32Array };
  private signatures: Uint32Array;
  /** Texts with no word have no signature and are never grouped. */
  private empty: Uint8Array;
  private count = 0;
  private readonly scratch: Uint32Array;

  constructor(private readonly options: MinHashOptions = DEFAULT_MINHASH, capacity = 1024) {
    this.fns = hashFunctions(options.numHashes);
    this.signatures = new Uint32Array(capacity * options.numHashes);
    this.empty = new Uint8Array(capacity);
    this.scratch = new Uint32Array(options.numHashes);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a text; returns its index. */
  add(text: string): number {
    if (this.count >= MAX_TEXTS) throw new Error(`A near-duplicate scan handles at most ${MAX_TEXTS} texts.`);
    const H = this.options.numHashes;
    if ((this.count + 1) * H > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
      const empty = new Uint8Array(this.empty.length * 2);
      empty.set(this.empty);
      this.empty = empty;
    }
    const shingles = shingleHashes(text, this.options);
    signatureInto(shingles, this.fns, this.scratch);
    this.signatures.set(this.scratch, this.count * H);
    this.empty[this.count] = shingles.length === 0 ? 1 : 0;
    return this.count++;
  }

  /** Estimated Jaccard similarity of two added texts: the share of hash functions whose minimum they share. */
  similarity(x: number, y: number): number {
    const H = this.options.numHashes;
    const sig = this.signatures;
    let same = 0;
    for (let i = 0, p = x * H, q = y * H; i < H; i++, p++, q++) if (sig[p] === sig[q]) same++;
    return same / H;
  }

  /** Groups of two or more texts linked by pairs at least `threshold` alike (transitively), largest first. */
  groups(threshold: number): DuplicateGroupFound[] {
    const n = this.count;
    const sets = new DisjointSets(n);
    for (const [x, y] of this.candidatePairs(rowsPerBand(threshold))) {
      if (sets.find(x) === sets.find(y)) continue;
      const similarity = this.similarity(x, y);
      if (similarity >= threshold) sets.union(x, y, similarity);
    }
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (this.empty[i]) continue;
      const root = sets.find(i);
      if (sets.sizeOf(root) < 2) continue;
      let members = byRoot.get(root);
      if (!members) byRoot.set(root, (members = []));
      members.push(i);
    }
    return [...byRoot.entries()]
      .map(([root, members]) => ({ members, similarity: sets.similarityOf(root) }))
      .sort((p, q) => q.members.length - p.members.length || p.members[0]! - q.members[0]!);
  }

  /**
   * Pairs that agree on at least one band. Per band, every text's band hash and index
   * are packed into one float (31 + 22 bits) and sorted natively; equal hashes are
   * neighbours. Within a bucket a text is paired with a few earlier ones only:
   * a bucket of thousands of copies costs linear, not quadratic, work.
   */
  private *candidatePairs(rows: number): Generator<[number, number]> {
    const H = this.options.numHashes;
    const bands = Math.floor(H / rows);
    const keys = new Float64Array(this.count);
    const INDEX = 2 ** 22;
    for (let band = 0; band < bands; band++) {
      let m = 0;
      for (let doc = 0; doc < this.count; doc++) {
        if (this.empty[doc]) continue;
        let h = band;
        for (let i = band * rows, p = doc * H + band * rows; i < (band + 1) * rows; i++, p++) h = mix32(h ^ this.signatures[p]!);
        keys[m++] = (h >>> 1) * INDEX + doc;
      }
      const sorted = keys.subarray(0, m).sort();
      let start = 0;
      while (start < m) {
        const bucket = Math.floor(sorted[start]! / INDEX);
        let end = start + 1;
        while (end < m && Math.floor(sorted[end]! / INDEX) === bucket) end++;
        for (let i = start + 1; i < end; i++) {
          const doc = sorted[i]! % INDEX;
          for (let j = Math.max(start, i - 4); j < i; j++) yield [sorted[j]! % INDEX, doc];
          // Always the bucket's first as well, so a long run of copies stays one group.
          if (i - 4 > start) yield [sorted[start]! % INDEX, doc];
        }
        start = end;
      }
    }
  }
}

/** Union-find with path halving and union by size; each set keeps the lowest similarity that joined it. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly lowest: Float64Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
    this.lowest = new Float64Array(n).fill(1);
  }

  find(x: number): number {
    let node = x;
    while (this.parent[node] !== node) {
      this.parent[node] = this.parent[this.parent[node]!]!;
      node = this.parent[node]!;
    }
    return node;
  }

  union(x: number, y: number, similarity: number): void {
    let a = this.find(x);
    let b = this.find(y);
    if (a === b) return;
    if (this.size[a]! < this.size[b]!) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] = this.size[a]! + this.size[b]!;
    this.lowest[a] = Math.min(this.lowest[a]!, this.lowest[b]!, similarity);
  }

  sizeOf(root: number): number {
    return this.size[root]!;
  }

  similarityOf(root: number): number {
    return this.lowest[root]!;
  }
}
