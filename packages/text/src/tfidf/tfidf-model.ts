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
  const idf = (term: string): number =>
    Math.log((1 + documentCount) / (1 + (df.get(term) ?? 0))) + 1;
  // Turns a map of counts into the unit TF-IDF vector, in place (hot path: one map per document).
  const weigh = (counts: Map<string, number>): Map<string, number> => {
    let sum = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * idf(term);
      counts.set(term, weight);
      sum += weight * weight;
    }
    const length = Math.sqrt(sum);
    if (length > 0) for (const [term, weight] of counts) counts.set(term, weight / length);
    return counts;
  };
  return {
    addDocument(terms) {
      documentCount += 1;
      const counts = termCounts(terms);
      for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
      return weigh(counts);
    },
    idf,
    vector: (terms) => weigh(termCounts(terms)),
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
