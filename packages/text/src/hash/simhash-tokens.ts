import { hash32 } from './hash32';

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
  const count = tokens.length === 0 ? 0 : Math.max(1, tokens.length - size + 1);
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = hash32(tokens[i] ?? '', 0x5bd1);
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let a = 0x9e3779b9;
    const end = Math.min(i + size, tokens.length);
    for (let j = i; j < end; j++) a = mix(a ^ (tokenHashes[j] as number));
    high[i] = a;
    low[i] = mix(a ^ 0x85ebca6b);
  }
  return [majorityBits(high), majorityBits(low)];
}

// Bit i of the result is set when more than half of the hashes have bit i set.
function majorityBits(hashes: Uint32Array): number {
  const n = hashes.length;
  let out = 0;
  for (let bit = 0; bit < 32; bit++) {
    let ones = 0;
    for (let i = 0; i < n; i++) ones += ((hashes[i] as number) >>> bit) & 1;
    if (2 * ones > n) out |= 1 << bit;
  }
  return out >>> 0;
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
