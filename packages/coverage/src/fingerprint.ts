// A small near-duplicate detector for syndicated copy, used when a story carries no
// `duplicateGroups`: MinHash over word 3-shingles of the first 64 words of an article's body
// (text, else summary, else title), 12 hashes in 4 bands of 3 for candidates, and a candidate
// pair accepted when at least 6 of the 12 hashes agree (estimated Jaccard ≥ 0.5).
import { UnionFind } from './util';

/** Hashes per signature. */
export const SIGNATURE_SIZE = 12;
const BANDS = 4;
const ROWS = SIGNATURE_SIZE / BANDS;
const MIN_AGREEMENT = 6;
const MAX_WORDS = 64;

// Odd multipliers and offsets of the 12 hash permutations (fixed: signatures never change).
const MULTIPLIERS = Uint32Array.from([
  0x9e3779b1, 0x85ebca77, 0xc2b2ae3d, 0x27d4eb2f, 0x165667b1, 0xd3a2646d, 0xfd7046c5, 0xb55a4f09,
  0x7feb352d, 0x846ca68b, 0x68e31da5, 0x1b873593,
]);
const OFFSETS = Uint32Array.from([
  0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19, 0x6a09e667, 0xbb67ae85,
  0xcbbb9d5d, 0x629a292a, 0x9159015a, 0x152fecd8,
]);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && (c < 0x2000 || c > 0x206f));
}

/** FNV-1a hashes of the first {@link MAX_WORDS} lower-cased alphanumeric words of `body`. */
export function wordHashes(body: string): number[] {
  const s = body.toLowerCase();
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= s.length && words.length < MAX_WORDS; i += 1) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      h = Math.imul(h ^ c, 16777619);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  return words;
}

/**
 * Writes the MinHash signature of `body` at `out[offset…offset+12)`. Returns false (and writes
 * nothing) when the body has no words.
 */
export function writeSignature(body: string, out: Uint32Array, offset: number): boolean {
  const words = wordHashes(body);
  if (words.length === 0) return false;
  const width = Math.min(3, words.length);
  out.fill(0xffffffff, offset, offset + SIGNATURE_SIZE);
  for (let i = 0; i + width <= words.length; i += 1) {
    let x = 0;
    for (let j = 0; j < width; j += 1) x = fmix(x ^ (words[i + j] as number));
    for (let k = 0; k < SIGNATURE_SIZE; k += 1) {
      const v = (Math.imul(x, MULTIPLIERS[k] as number) + (OFFSETS[k] as number)) >>> 0;
      if (v < (out[offset + k] as number)) out[offset + k] = v;
    }
  }
  return true;
}

/** The text a signature is taken from: full text, else the summary, else the title. */
export function fingerprintBody(article: {
  title: string;
  summary?: string | undefined;
  text?: string | undefined;
}): string {
  if (article.text !== undefined && article.text.trim() !== '') return article.text;
  if (article.summary !== undefined && article.summary.trim() !== '') return article.summary;
  return article.title;
}

/**
 * Groups near-duplicates among `members` (article slots whose signature starts at
 * `member * SIGNATURE_SIZE` in `signatures`; `hasSignature[position]` is 1 when one exists).
 * Returns, for each position of `members`, the position of its group's representative.
 */
export function groupNearDuplicates(
  members: readonly number[],
  signatures: Uint32Array,
  hasSignature: Uint8Array,
): Int32Array {
  const uf = new UnionFind(members.length);
  for (let band = 0; band < BANDS; band += 1) {
    const firstByKey = new Map<number, number>();
    members.forEach((member, position) => {
      if (hasSignature[position] !== 1) return;
      const key = bandKey(signatures, member * SIGNATURE_SIZE + band * ROWS);
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, position);
      else if (agreement(signatures, members[first] as number, member) >= MIN_AGREEMENT) {
        uf.union(first, position);
      }
    });
  }
  const roots = new Int32Array(members.length);
  for (let i = 0; i < members.length; i += 1) roots[i] = uf.find(i);
  return roots;
}

function bandKey(signatures: Uint32Array, start: number): number {
  let h = 0;
  for (let r = 0; r < ROWS; r += 1) h = fmix(h ^ (signatures[start + r] as number));
  return h;
}

function agreement(signatures: Uint32Array, a: number, b: number): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k += 1) {
    if (signatures[a * SIGNATURE_SIZE + k] === signatures[b * SIGNATURE_SIZE + k]) same += 1;
  }
  return same;
}
