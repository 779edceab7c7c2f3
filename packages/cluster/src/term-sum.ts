import { TermTable, type TermVector, type TermVocabulary, termTopPositions } from '@newsloom/text';

/**
 * A story's summed member vectors for one field: term ids in the order they first entered the
 * sum, with their summed weights (the order fixes the float rounding of norms and dot products,
 * as a map's insertion order did).
 */
export interface TermSum {
  ids: number[];
  weights: number[];
}

/** A sum with nothing in it. */
export function emptySum(): TermSum {
  return { ids: [], weights: [] };
}

// Positions of the sum last marked, by term id (the text package's table, shared with termDot's
// scatter: one implementation of the O(1)-cleared id table).
const positions = new TermTable();

/**
 * Marks the positions of a sum's ids, for {@link positionIn} until the next call. Costs one
 * write per term of the sum; a lookup is then an array read instead of a hash probe.
 */
export function markPositions(sum: TermVector): void {
  positions.clear();
  const { ids } = sum;
  for (let p = 0; p < ids.length; p++) positions.set(ids[p] as number, p);
}

/** The position of a term id in the sum last marked (or appended to it, see {@link markAt}), or -1. */
export function positionIn(id: number): number {
  return positions.has(id) ? positions.get(id) : -1;
}

// Records that the sum last marked now holds `id` at position `p`.
function markAt(id: number, p: number): void {
  positions.set(id, p);
}

/**
 * Adds a vector into a sum, term by term (a new term is appended); returns the sum's former
 * length, where the terms new to it start.
 */
export function addInto(sum: TermSum, vector: TermVector): number {
  const from = sum.ids.length;
  if (from === 0) {
    // Into an empty sum: a copy at the vector's size (pushing term by term reallocated the
    // arrays several times over as they grew; the weights are the same: none is −0).
    sum.ids = vector.ids.slice();
    sum.weights = vector.weights.slice();
    return 0;
  }
  markPositions(sum);
  const { ids, weights } = vector;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const p = positionIn(id);
    if (p >= 0) sum.weights[p] = (sum.weights[p] as number) + (weights[i] as number);
    else {
      markAt(id, sum.ids.length);
      sum.ids.push(id);
      sum.weights.push(0 + (weights[i] as number));
    }
  }
  return from;
}

/** The `k` heaviest terms of a sum, heaviest first (ties by term), as a new sum. */
export function topOf(sum: TermVector, k: number, vocabulary: TermVocabulary): TermSum {
  const out = emptySum();
  for (const p of termTopPositions(sum, k, vocabulary)) {
    out.ids.push(sum.ids[p] as number);
    out.weights.push(sum.weights[p] as number);
  }
  return out;
}

/** The terms of the `k` heaviest entries of a sum, heaviest first (ties by term). */
export function topTermsOf(sum: TermVector, k: number, vocabulary: TermVocabulary): string[] {
  return termTopPositions(sum, k, vocabulary).map((p) => vocabulary.term(sum.ids[p] as number));
}

/** A vector as [term, weight] pairs, in its order (the snapshot form). */
export function toPairs(v: TermVector, vocabulary: TermVocabulary): Array<[string, number]> {
  return v.ids.map((id, i): [string, number] => [vocabulary.term(id), v.weights[i] as number]);
}

/**
 * A sum from [term, weight] pairs (the snapshot form), interning the terms; a repeated term keeps
 * its first position and its last weight, as `new Map(pairs)` did.
 */
export function fromPairs(
  pairs: ReadonlyArray<readonly [string, number]>,
  vocabulary: TermVocabulary,
): TermSum {
  const out = emptySum();
  markPositions(out);
  for (const [term, weight] of pairs) {
    const id = vocabulary.id(term);
    const p = positionIn(id);
    if (p >= 0) out.weights[p] = weight;
    else {
      markAt(id, out.ids.length);
      out.ids.push(id);
      out.weights.push(weight);
    }
  }
  return out;
}
