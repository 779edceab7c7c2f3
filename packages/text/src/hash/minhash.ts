import { hash32 } from './hash32';

/**
 * MinHash signature of a feature set: for each of `size` seeded hashes, the minimum over the
 * features. The share of equal positions between two signatures estimates Jaccard similarity.
 *
 * @example
 * ```ts
 * const a = minhash(shingles(tokenize('the cat sat on the mat'), 2));
 * const b = minhash(shingles(tokenize('the cat sat on a mat'), 2));
 * minhashSimilarity(a, b); // about 0.43 (true Jaccard 3/7)
 * ```
 */
export function minhash(features: Iterable<string>, size = 64): Uint32Array {
  const signature = new Uint32Array(size).fill(0xffffffff);
  for (const feature of new Set(features)) {
    for (let i = 0; i < size; i++) {
      const h = hash32(feature, i + 1);
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  return signature;
}

/**
 * Estimated Jaccard similarity of two MinHash signatures of equal size (0 for empty ones).
 *
 * @example
 * ```ts
 * minhashSimilarity(minhash(['a', 'b']), minhash(['a', 'b'])); // 1
 * ```
 */
export function minhashSimilarity(a: Uint32Array, b: Uint32Array): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;
  let equal = 0;
  for (let i = 0; i < size; i++) if (a[i] === b[i]) equal += 1;
  return equal / size;
}
