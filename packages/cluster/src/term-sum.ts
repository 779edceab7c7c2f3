import { type TermVector, type TermVocabulary, termTopPositions } from '@newsloom/text';

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

// Positions of the sum being added into, by term id; `marks` says which ids the current sum
// marked (no clearing between calls: the pass number changes).
let positions = new Int32Array(1024);
let marks = new Int32Array(1024);
let pass = 0;

/**
 * Marks the positions of a sum's ids, for {@link positionIn} until the next call. Costs one
 * write per term of the sum; a lookup is then an array read instead of a hash probe.
 */
export function markPositions(sum: TermVector): void {
  pass = (pass + 1) | 0;
  if (pass === 0) {
    marks.fill(0);
    pass = 1;
  }
  const { ids } = sum;
  for (let p = 0; p < ids.length; p++) {
    const id = ids[p] as number;
    if (id >= marks.length) grow(id);
    positions[id] = p;
    marks[id] = pass;
  }
}

/** The position of a term id in the sum last marked (or appended to it, see {@link markAt}), or -1. */
export function positionIn(id: number): number {
  return id < marks.length && marks[id] === pass ? (positions[id] as number) : -1;
}

/** Records that the sum last marked now holds `id` at position `p`. */
export function markAt(id: number, p: number): void {
  if (id >= marks.length) grow(id);
  positions[id] = p;
  marks[id] = pass;
}

function grow(id: number): void {
  let length = marks.length;
  while (length <= id) length *= 2;
  const nextMarks = new Int32Array(length);
  nextMarks.set(marks);
  marks = nextMarks;
  const nextPositions = new Int32Array(length);
  nextPositions.set(positions);
  positions = nextPositions;
}

/** Adds a vector into a sum, term by term (a new term is appended). */
export function addInto(sum: TermSum, vector: TermVector): void {
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
