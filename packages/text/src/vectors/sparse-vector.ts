/** A sparse vector: term → weight. Terms absent from the map weigh zero. */
export type SparseVector = ReadonlyMap<string, number>;

/**
 * Dot product of two sparse vectors (iterates the smaller one).
 *
 * @example
 * ```ts
 * dot(new Map([['a', 1], ['b', 2]]), new Map([['b', 3]])); // 6
 * ```
 */
export function dot(a: SparseVector, b: SparseVector): number {
  return a.size <= b.size ? dotInto(a, b) : dotInto(b, a);
}

// Σ small[t] × large[t], in the small map's order (the order fixes the float rounding). A loop
// over the keys, reading a shared term's weight back from the small map, is faster than forEach's
// callback per entry; the same products in the same order.
function dotInto(small: SparseVector, large: SparseVector): number {
  let sum = 0;
  for (const term of small.keys()) {
    const other = large.get(term);
    if (other !== undefined) sum += (small.get(term) as number) * other;
  }
  return sum;
}

/**
 * Euclidean norm of a sparse vector.
 *
 * @example
 * ```ts
 * norm(new Map([['a', 3], ['b', 4]])); // 5
 * ```
 */
export function norm(vector: SparseVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/**
 * Cosine similarity of two sparse vectors, 0 when either is empty.
 *
 * @example
 * ```ts
 * cosine(new Map([['a', 1]]), new Map([['a', 2]])); // 1
 * ```
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/**
 * The vector scaled to unit length (empty stays empty).
 *
 * @example
 * ```ts
 * normalize(new Map([['a', 3], ['b', 4]])); // Map { a → 0.6, b → 0.8 }
 * ```
 */
export function normalize(vector: SparseVector): Map<string, number> {
  const length = norm(vector);
  const out = new Map<string, number>();
  if (length === 0) return out;
  for (const [term, weight] of vector) out.set(term, weight / length);
  return out;
}

/**
 * The `k` heaviest entries, heaviest first, ties broken by term so the result is deterministic.
 *
 * @example
 * ```ts
 * topTerms(new Map([['a', 1], ['b', 3], ['c', 2]]), 2); // [['b', 3], ['c', 2]]
 * ```
 */
export function topTerms(vector: SparseVector, k: number): Array<[string, number]> {
  if (Number.isInteger(k) && k > 0 && k < vector.size) {
    const top = heaviest(vector, k);
    if (top) return top;
  }
  const entries = [...vector];
  entries.sort(byWeight);
  return entries.slice(0, k);
}

// Heaviest first, ties by term. A strict total order unless a weight is NaN.
const byWeight = (x: [string, number], y: [string, number]): number =>
  y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);

// The first `k` entries of the vector sorted by `byWeight`, kept in a sorted buffer as the
// vector streams past instead of sorting it whole (the same entries, since the order is strict);
// undefined when a weight is NaN (or not a number), which the caller leaves to the full sort.
function heaviest(vector: SparseVector, k: number): Array<[string, number]> | undefined {
  const top: Array<[string, number]> = [];
  for (const [term, weight] of vector) {
    if (typeof weight !== 'number' || Number.isNaN(weight)) return undefined;
    const entry: [string, number] = [term, weight];
    if (top.length === k && byWeight(entry, top[k - 1] as [string, number]) >= 0) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && byWeight(entry, top[i - 1] as [string, number]) < 0) {
      top[i] = top[i - 1] as [string, number];
      i -= 1;
    }
    top[i] = entry;
  }
  return top;
}

/**
 * Term counts of a list of terms.
 *
 * @example
 * ```ts
 * termCounts(['a', 'b', 'a']); // Map { a → 2, b → 1 }
 * ```
 */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
