import { TermTable } from './term-table';
import type { TermVocabulary } from './vocabulary';

/**
 * A sparse vector over interned term ids (see {@link TermVocabulary}): `ids[i]` weighs
 * `weights[i]`, each id at most once, in the order the terms were first met (the order fixes
 * float rounding of sums over it). Plain arrays, not typed ones: a vector per article is
 * allocated on the JS heap, where small arrays are cheapest to make and to collect.
 */
export interface TermVector {
  readonly ids: readonly number[];
  readonly weights: readonly number[];
}

// Weights of the larger vector of a dot product, scattered by id.
const scattered = new TermTable();

/**
 * Dot product of two term vectors: the products of shared ids summed in the smaller vector's
 * order (the first one's when equal), exactly as `dot` sums two maps (`dot` in
 * `sparse-vector.ts`), at the cost of one write per entry of the larger vector.
 *
 * @example
 * ```ts
 * termDot({ ids: [1, 2], weights: [1, 2] }, { ids: [2], weights: [3] }); // 6
 * ```
 */
export function termDot(a: TermVector, b: TermVector): number {
  return a.ids.length <= b.ids.length ? dotInto(a, b) : dotInto(b, a);
}

function dotInto(small: TermVector, large: TermVector): number {
  const n = small.ids.length;
  if (n === 0) return 0;
  const table = scattered;
  table.clear();
  for (let i = 0; i < large.ids.length; i++) {
    table.set(large.ids[i] as number, large.weights[i] as number);
  }
  const { ids, weights } = small;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (table.has(id)) sum += (weights[i] as number) * table.get(id);
  }
  return sum;
}

/**
 * Euclidean norm of a term vector (squares summed in its order, as `norm` sums a map).
 *
 * @example
 * ```ts
 * termNorm({ ids: [1, 2], weights: [3, 4] }); // 5
 * ```
 */
export function termNorm(v: TermVector): number {
  const { weights } = v;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] as number) ** 2;
  return Math.sqrt(sum);
}

/**
 * The positions in `v` of its `k` heaviest entries, heaviest first, ties broken by term (as
 * `topTerms` orders a map of the same terms).
 *
 * @example
 * ```ts
 * const vocabulary = new TermVocabulary();
 * const v = { ids: ['b', 'a', 'c'].map((t) => vocabulary.id(t)), weights: [1, 1, 2] };
 * termTopPositions(v, 2, vocabulary); // [2, 1]: c, then a (ties by term)
 * ```
 */
export function termTopPositions(v: TermVector, k: number, vocabulary: TermVocabulary): number[] {
  const { ids, weights } = v;
  const byWeight = (x: number, y: number): number => {
    const d = (weights[y] as number) - (weights[x] as number);
    if (d !== 0 && !Number.isNaN(d)) return d;
    const tx = vocabulary.term(ids[x] as number);
    const ty = vocabulary.term(ids[y] as number);
    return tx < ty ? -1 : tx > ty ? 1 : 0;
  };
  const top: number[] = [];
  const limit = Math.max(0, Math.min(k, ids.length));
  if (limit === 0) return top;
  for (let p = 0; p < ids.length; p++) {
    if (top.length === limit && byWeight(p, top[limit - 1] as number) >= 0) continue;
    let i = top.length === limit ? limit - 1 : top.length;
    while (i > 0 && byWeight(p, top[i - 1] as number) < 0) {
      top[i] = top[i - 1] as number;
      i -= 1;
    }
    top[i] = p;
  }
  return top;
}
