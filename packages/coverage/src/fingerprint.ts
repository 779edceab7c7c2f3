// A small near-duplicate detector for syndicated copy, used when a story carries no
// `duplicateGroups`. One-permutation MinHash: each word 3-shingle of the first 64 words of an
// article's body (text, else summary, else title; ASCII case folded) is hashed once, and the
// hash's top 4 bits pick one of 16 bins that keeps its minimum. Two articles are copies when
// their non-empty bins agree on at least half of the bins either has filled (estimated Jaccard ≥ 0.5).
import { UnionFind } from './util';

/** Bins per signature. */
export const SIGNATURE_SIZE = 16;
const EMPTY = 0xffffffff;
const MAX_WORDS = 64;
const PAIRWISE_LIMIT = 48;
const BANDS = 8;
const ROWS = SIGNATURE_SIZE / BANDS;

const words = new Uint32Array(MAX_WORDS);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fills `words` with FNV-1a hashes of the body's first words; returns how many. */
function hashWords(body: string): number {
  let count = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= body.length && count < MAX_WORDS; i += 1) {
    let c = i < body.length ? body.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c |= 0x20;
    if (
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      (c >= 0xc0 && (c < 0x2000 || c > 0x206f))
    ) {
      h = Math.imul(h ^ c, 16777619);
      inWord = true;
    } else if (inWord) {
      words[count++] = h >>> 0;
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  return count;
}

/**
 * Writes the signature of `body` at `out[offset…offset+16)`. Returns false (and writes
 * nothing) when the body has no words.
 */
export function writeSignature(body: string, out: Uint32Array, offset: number): boolean {
  const count = hashWords(body);
  if (count === 0) return false;
  const width = Math.min(3, count);
  out.fill(EMPTY, offset, offset + SIGNATURE_SIZE);
  for (let i = 0; i + width <= count; i += 1) {
    let x = words[i] as number;
    if (width > 1) x = Math.imul(x, 0x9e3779b1) ^ (words[i + 1] as number);
    if (width > 2) x = Math.imul(x, 0x85ebca77) ^ (words[i + 2] as number);
    x = fmix(x);
    const slot = offset + (x >>> 28);
    if (x < (out[slot] as number)) out[slot] = x;
  }
  return true;
}

/** The text a signature is taken from: full text, else the summary, else the title (first non-empty). */
export function fingerprintBody(article: {
  title: string;
  summary?: string | undefined;
  text?: string | undefined;
}): string {
  return article.text || article.summary || article.title;
}

/** True when the signatures at slots `a` and `b` agree on at least half of their filled bins. */
export function nearDuplicate(signatures: Uint32Array, a: number, b: number): boolean {
  let same = 0;
  let filled = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k += 1) {
    const x = signatures[a * SIGNATURE_SIZE + k];
    const y = signatures[b * SIGNATURE_SIZE + k];
    if (x === EMPTY && y === EMPTY) continue;
    filled += 1;
    if (x === y) same += 1;
  }
  return filled > 0 && 2 * same >= filled;
}

/**
 * Groups near-duplicates among `members` (article slots whose signature starts at
 * `member * SIGNATURE_SIZE`; `hasSignature[position]` is 1 when one exists). Small stories
 * compare every pair; large ones compare articles that share a band of two bins.
 * Returns, for each position of `members`, the position of its group's representative.
 */
export function groupNearDuplicates(
  members: readonly number[],
  signatures: Uint32Array,
  hasSignature: Uint8Array,
): Int32Array {
  const uf = new UnionFind(members.length);
  const n = members.length;
  if (n <= PAIRWISE_LIMIT) {
    for (let i = 0; i < n; i += 1) {
      if (hasSignature[i] !== 1) continue;
      for (let j = i + 1; j < n; j += 1) {
        if (
          hasSignature[j] === 1 &&
          nearDuplicate(signatures, members[i] as number, members[j] as number)
        )
          uf.union(i, j);
      }
    }
  } else {
    for (let band = 0; band < BANDS; band += 1)
      groupBand(members, signatures, hasSignature, band, uf);
  }
  return uf.roots();
}

function groupBand(
  members: readonly number[],
  signatures: Uint32Array,
  hasSignature: Uint8Array,
  band: number,
  uf: UnionFind,
): void {
  const firstByKey = new Map<number, number>();
  members.forEach((member, position) => {
    if (hasSignature[position] !== 1) return;
    let key = 0;
    for (let r = 0; r < ROWS; r += 1)
      key = fmix(key ^ (signatures[member * SIGNATURE_SIZE + band * ROWS + r] as number));
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, position);
    else if (nearDuplicate(signatures, members[first] as number, member)) uf.union(first, position);
  });
}
