// Called through `call` rather than as `text.charCodeAt(i)`: tokens come in many string shapes
// (one- and two-byte, sliced from their text, single characters from V8's cache), and a method
// looked up on each shape goes megamorphic and slow; the builtin itself works on every shape.
const charCodeAt = String.prototype.charCodeAt;

/**
 * A seeded 32-bit string hash (FNV-1a over UTF-16 code units, finished with murmur3's fmix32).
 * Fast, deterministic across runs and machines; not cryptographic.
 *
 * @example
 * ```ts
 * hash32('climate', 1) !== hash32('climate', 2); // true
 * ```
 */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    h ^= charCodeAt.call(text, i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
