import { NewsloomError } from '@newsloom/core';
import { termCounts } from '../vectors/sparse-vector';

/** JSON-serialisable state of a {@link TfIdfModel}. */
export interface TfIdfSnapshot {
  documentCount: number;
  /** [term, document frequency] pairs, sorted by term. */
  documentFrequencies: Array<[string, number]>;
}

/** An incremental TF-IDF model: it keeps its own document frequencies, O(terms) per update. */
export interface TfIdfModel {
  /** Counts one document's distinct terms into the document frequencies; returns its vector (as `vector` would now). */
  addDocument(terms: readonly string[]): Map<string, number>;
  /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
  idf(term: string): number;
  /** Unit-length TF-IDF vector of a document (sublinear tf: 1 + ln tf), with the current idf. */
  vector(terms: readonly string[]): Map<string, number>;
  /** Number of documents added. */
  readonly documentCount: number;
  /** Document frequency of a term. */
  documentFrequency(term: string): number;
  /**
   * Forgets terms seen in fewer than `minDocumentFrequency` documents (their idf becomes that of
   * an unseen term), so the vocabulary of an endless stream — numbers, typos, one-off names —
   * does not grow without bound. Returns how many terms were dropped.
   */
  prune(minDocumentFrequency: number): number;
  snapshot(): TfIdfSnapshot;
}

/**
 * Creates an incremental TF-IDF model. Unlike natural's `TfIdf`, which rescans every document
 * on each query, this one updates document frequencies as documents arrive, so streaming
 * stays linear.
 *
 * @example
 * ```ts
 * const model = createTfIdfModel();
 * model.addDocument(['jobless', 'claim']);
 * model.addDocument(['claim', 'rise']);
 * model.vector(['jobless', 'claim']); // 'jobless' weighs more than 'claim'
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` when `snapshot` is malformed.
 */
export function createTfIdfModel(snapshot?: TfIdfSnapshot): TfIdfModel {
  const df = new Map<string, number>();
  let documentCount = 0;
  if (snapshot) {
    if (!Number.isInteger(snapshot.documentCount) || !Array.isArray(snapshot.documentFrequencies)) {
      throw new NewsloomError(
        'INVALID_INPUT',
        'TF-IDF snapshot is malformed: expected documentCount and documentFrequencies',
      );
    }
    documentCount = snapshot.documentCount;
    for (const [term, count] of snapshot.documentFrequencies) df.set(term, count);
  }
  const idf = (term: string): number => idfOf(df.get(term) ?? 0);
  const idfOf = (frequency: number): number => Math.log((1 + documentCount) / (1 + frequency)) + 1;
  // Turns a map of counts into the unit TF-IDF vector, in place (hot path: one map per document).
  // `counted` also counts the document's terms into the frequencies first (one lookup per term).
  // Raw weights wait in a scratch array, so each entry of `counts` is written once.
  const weigh = (counts: Map<string, number>, counted: boolean): Map<string, number> => {
    const weights = scratchFor(counts.size);
    let sum = 0;
    let i = 0;
    counts.forEach((count, term) => {
      let frequency = df.get(term) ?? 0;
      if (counted) {
        frequency += 1; // not ++: a snapshot may hold a non-number, which + 1 treats as before
        df.set(term, frequency);
      }
      const weight = (1 + logCount(count)) * idfOf(frequency);
      weights[i++] = weight;
      sum += weight * weight;
    });
    const length = Math.sqrt(sum);
    i = 0;
    counts.forEach((_count, term) => {
      const weight = weights[i++] as number;
      counts.set(term, length > 0 ? weight / length : weight);
    });
    return counts;
  };
  return {
    addDocument(terms) {
      documentCount += 1;
      return weigh(termCounts(terms), true);
    },
    idf,
    vector: (terms) => weigh(termCounts(terms), false),
    get documentCount() {
      return documentCount;
    },
    documentFrequency: (term) => df.get(term) ?? 0,
    prune(minDocumentFrequency) {
      let dropped = 0;
      for (const [term, count] of df) {
        if (count >= minDocumentFrequency) continue;
        df.delete(term);
        dropped += 1;
      }
      return dropped;
    },
    snapshot: () => ({
      documentCount,
      documentFrequencies: [...df].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    }),
  };
}

// Raw weights of the document being weighed (single-threaded, and weighing never re-enters).
// An unusually large document gets its own array, so the shared one stays small.
const SCRATCH_LIMIT = 1 << 16;
let scratch = new Float64Array(1024);
function scratchFor(size: number): Float64Array {
  if (size <= scratch.length) return scratch;
  if (size > SCRATCH_LIMIT) return new Float64Array(size);
  scratch = new Float64Array(Math.min(SCRATCH_LIMIT, 2 * size));
  return scratch;
}

// ln of a term count; counts are small integers, so the first few logs are looked up (the same
// values Math.log returns).
const LOGS = Array.from({ length: 64 }, (_, i) => Math.log(i));
function logCount(count: number): number {
  return count < 64 ? (LOGS[count] as number) : Math.log(count);
}
