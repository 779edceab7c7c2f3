import { sharedScratch } from '../scratch';
import { hash32 } from './hash32';

// Scratch space reused across calls (single-threaded; nothing here re-enters): token hashes, and
// per-bit counters of the shingle hashes kept bit-sliced (bit b of counter k is bit k of the count
// for hash bit b), so adding one hash costs a few word operations instead of 32 bit tests.
const hashesFor = sharedScratch(Int32Array, 256);
const COUNTER_WORDS = 32; // counts up to 2^32 - 1 hashes
const highCounts = new Int32Array(COUNTER_WORDS);
const lowCounts = new Int32Array(COUNTER_WORDS);

/** Seed of the per-token hashes that {@link simhashTokens} combines into shingle hashes. */
export const TOKEN_HASH_SEED = 0x5bd1;

/**
 * 64-bit SimHash of a token list over its word `size`-shingles, as two 32-bit halves: the same
 * kind of fingerprint as `simhash(shingles(tokens, size))` (not bit-identical) at a fraction of
 * the cost, because each token is hashed once and shingle hashes are combined arithmetically
 * instead of building strings. For hot paths such as streaming clustering.
 *
 * @example
 * ```ts
 * const [hi, lo] = simhashTokens(tokenize('Stocks rise as jobless claims fall'));
 * ```
 */
export function simhashTokens(tokens: readonly string[], size = 3): [number, number] {
  const n = tokens.length;
  const hashes = hashesFor(n);
  for (let i = 0; i < n; i++) hashes[i] = hash32(tokens[i] ?? '', TOKEN_HASH_SEED);
  return simhashTokenHashes(hashes, n, size);
}

/**
 * {@link simhashTokens} of tokens already hashed: `hashes[i]` is `hash32(token i, 0x5bd1)`
 * (what a `TokenLexicon` scan gives), for the first `n` of them. The same result as
 * `simhashTokens` on the tokens themselves.
 *
 * @example
 * ```ts
 * const run = createTokenRun();
 * new TokenLexicon(new TermVocabulary()).scan('Stocks rise as jobless claims fall', run);
 * simhashTokenHashes(run.hashes, run.length, 3); // as simhashTokens(tokenize(…), 3)
 * ```
 */
export function simhashTokenHashes(
  hashes: ArrayLike<number>,
  n: number,
  size = 3,
): [number, number] {
  const count = n === 0 ? 0 : Math.max(1, n - size + 1);
  // As before, when one counter per shingle was a typed array of `count` entries.
  if (!Number.isInteger(count) && !Number.isNaN(count)) {
    throw new RangeError(`Invalid typed array length: ${count}`);
  }
  // Counts reach at most `count`, so its bit length is all the counter words needed.
  const words = count > 0 ? 32 - Math.clz32(count) : 0;
  highCounts.fill(0, 0, words);
  lowCounts.fill(0, 0, words);
  for (let i = 0; i < count; i++) {
    let a = 0x9e3779b9;
    const end = Math.min(i + size, n);
    for (let j = i; j < end; j++) a = mix(a ^ (hashes[j] as number));
    addBits(highCounts, a);
    addBits(lowCounts, mix(a ^ 0x85ebca6b));
  }
  return [majorityBits(highCounts, words, count), majorityBits(lowCounts, words, count)];
}

// Adds each bit of `hash` to its counter: a ripple-carry increment across the counter words (the
// carry dies out within the words in use, since no count exceeds the number of hashes).
function addBits(counts: Int32Array, hash: number): void {
  let carry = hash | 0;
  for (let k = 0; carry !== 0; k++) {
    const word = counts[k] as number;
    counts[k] = word ^ carry;
    carry &= word;
  }
}

// Bit b of the result is set when more than half of the `n` hashes have bit b set: count b > ⌊n/2⌋,
// compared for all 32 bits at once on the bit-sliced counters, most significant word first (a
// bit's count is greater once it has a 1 where the bound has a 0 and they were equal above).
function majorityBits(counts: Int32Array, words: number, n: number): number {
  const bound = Math.floor(n / 2);
  let greater = 0;
  let equal = -1;
  for (let k = words - 1; k >= 0; k--) {
    const word = counts[k] as number;
    const boundBits = (bound >>> k) & 1 ? -1 : 0;
    greater |= equal & word & ~boundBits;
    equal &= ~(word ^ boundBits);
  }
  return greater >>> 0;
}

function mix(value: number): number {
  let h = Math.imul(value, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
