import { hash32 } from './hash32';

/** A 64-bit SimHash as 16 lower-case hex digits. */
export type SimHash = string;

/**
 * 64-bit SimHash (Charikar) of weighted features: near-identical texts get hashes a few bits
 * apart. Features are usually word shingles; weights default to 1.
 *
 * @example
 * ```ts
 * const a = simhash(shingles(tokenize('Stocks rise as jobless claims fall')));
 * const b = simhash(shingles(tokenize('Stocks rise as jobless claims fall sharply')));
 * hammingDistance(a, b) <= 10; // true
 * ```
 */
export function simhash(features: Iterable<string> | ReadonlyMap<string, number>): SimHash {
  const totals = new Float64Array(64);
  const entries: Iterable<[string, number] | string> =
    features instanceof Map ? features.entries() : features;
  for (const entry of entries) {
    const [feature, weight] = typeof entry === 'string' ? [entry, 1] : entry;
    addBits(totals, hash32(feature, 0x51), 0, weight);
    addBits(totals, hash32(feature, 0xa7), 32, weight);
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((totals[bit] ?? 0) > 0) hi |= 1 << bit;
    if ((totals[bit + 32] ?? 0) > 0) lo |= 1 << bit;
  }
  return hex32(hi) + hex32(lo);
}

function addBits(totals: Float64Array, hash: number, offset: number, weight: number): void {
  for (let bit = 0; bit < 32; bit++) {
    const index = offset + bit;
    totals[index] = (totals[index] ?? 0) + ((hash >>> bit) & 1 ? weight : -weight);
  }
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * Number of differing bits between two SimHashes.
 *
 * @example
 * ```ts
 * hammingDistance('0000000000000000', '0000000000000003'); // 2
 * ```
 */
export function hammingDistance(a: SimHash, b: SimHash): number {
  return (
    popcount(Number.parseInt(a.slice(0, 8), 16) ^ Number.parseInt(b.slice(0, 8), 16)) +
    popcount(Number.parseInt(a.slice(8), 16) ^ Number.parseInt(b.slice(8), 16))
  );
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Word shingles (n-grams joined by a space) of a token list; a shorter list yields itself.
 *
 * @example
 * ```ts
 * shingles(['a', 'b', 'c'], 2); // ['a b', 'b c']
 * ```
 */
export function shingles(tokens: readonly string[], size = 3): string[] {
  if (tokens.length <= size) return tokens.length === 0 ? [] : [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + size <= tokens.length; i++) out.push(tokens.slice(i, i + size).join(' '));
  return out;
}
