import { NewsloomError } from '@newsloom/core';
import type { TfIdfSnapshot } from '../tfidf/tfidf-model';
import { idfOf, logCount } from '../tfidf/weights';
import type { TermVector } from './term-vector';
import { TermVocabulary } from './vocabulary';

/** An incremental TF-IDF model over interned term ids; see {@link createTermModel}. */
export interface TermModel {
  /** The ids of this model's terms. */
  readonly vocabulary: TermVocabulary;
  /** Counts a document (its first `n` ids) into the document frequencies; returns its vector. */
  addDocument(ids: ArrayLike<number>, n?: number): TermVector;
  /** Unit TF-IDF vector (sublinear tf: 1 + ln tf) of the first `n` ids, with the current idf. */
  vector(ids: ArrayLike<number>, n?: number): TermVector;
  /** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
  idf(id: number): number;
  /** Document frequency of a term id (0 when never counted or pruned). */
  documentFrequency(id: number): number;
  /** Number of documents added. */
  readonly documentCount: number;
  /**
   * Forgets the document frequency of terms seen in fewer than `minDocumentFrequency`
   * documents, and releases their ids unless `keep(id)` says they are still referenced (a kept
   * id keeps its term, with frequency 0). Returns how many frequencies were dropped.
   */
  prune(minDocumentFrequency: number, keep?: (id: number) => boolean): number;
  /** The same JSON shape as a {@link TfIdfModel}'s snapshot (terms, not ids). */
  snapshot(): TfIdfSnapshot;
}

/**
 * Creates an incremental TF-IDF model over interned term ids: the same weights, bit for bit, as
 * {@link createTfIdfModel} gives for the same terms in the same order, with document frequencies
 * in typed arrays instead of a map of strings. Reads and writes the same snapshots.
 *
 * @example
 * ```ts
 * const model = createTermModel();
 * const v = model.vocabulary;
 * model.addDocument([v.id('jobless'), v.id('claim')]);
 * model.addDocument([v.id('claim'), v.id('rise')]);
 * model.vector([v.id('jobless'), v.id('claim')]); // 'jobless' weighs more than 'claim'
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` when `snapshot` is malformed.
 */
export function createTermModel(snapshot?: TfIdfSnapshot): TermModel {
  const vocabulary = new TermVocabulary();
  const t = new Tables();
  let documentCount = 0;
  if (snapshot) documentCount = restore(snapshot, vocabulary, t);
  return {
    vocabulary,
    addDocument(ids, n = ids.length) {
      documentCount += 1;
      return weigh(t, gather(t, ids, n, vocabulary.capacity), documentCount, true);
    },
    vector: (ids, n = ids.length) =>
      weigh(t, gather(t, ids, n, vocabulary.capacity), documentCount, false),
    idf: (id) => idfOf(documentCount, t.frequencyOf(id)),
    documentFrequency: (id) => t.frequencyOf(id),
    get documentCount() {
      return documentCount;
    },
    prune: (min, keep) => prune(t, vocabulary, min, keep),
    snapshot: () => ({
      documentCount,
      documentFrequencies: [...vocabulary.usedIds()]
        .filter((id) => t.present[id] === 1)
        .map((id): [string, number] => [vocabulary.term(id), t.frequency[id] as number])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    }),
  };
}

// Per-id arrays (grown with the vocabulary) and per-slot scratch of the document being weighed.
class Tables {
  frequency = new Float64Array(1024);
  present = new Uint8Array(1024);
  stamp = new Int32Array(1024);
  slot = new Int32Array(1024);
  calls = 0;
  slotIds = new Int32Array(256);
  slotCounts = new Float64Array(256);
  raw = new Float64Array(256);

  frequencyOf(id: number): number {
    return id >= 0 && id < this.frequency.length ? (this.frequency[id] as number) : 0;
  }

  ensureIds(capacity: number): void {
    if (capacity <= this.frequency.length) return;
    const length = Math.max(capacity, 2 * this.frequency.length);
    this.frequency = grown(this.frequency, new Float64Array(length));
    this.present = grown(this.present, new Uint8Array(length));
    this.stamp = grown(this.stamp, new Int32Array(length));
    this.slot = grown(this.slot, new Int32Array(length));
  }

  ensureSlots(size: number): void {
    if (size <= this.slotIds.length) return;
    const length = Math.max(size, 2 * this.slotIds.length);
    this.slotIds = new Int32Array(length);
    this.slotCounts = new Float64Array(length);
    this.raw = new Float64Array(length);
  }
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

// Distinct ids of the document in first-occurrence order (slots) with their counts; returns how many.
function gather(t: Tables, ids: ArrayLike<number>, n: number, capacity: number): number {
  t.ensureIds(capacity);
  t.ensureSlots(n);
  t.calls = (t.calls + 1) | 0;
  if (t.calls === 0) {
    t.stamp.fill(0);
    t.calls = 1;
  }
  const { stamp, slot, slotIds, slotCounts } = t;
  const call = t.calls;
  let size = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (stamp[id] === call) {
      const s = slot[id] as number;
      slotCounts[s] = (slotCounts[s] as number) + 1;
      continue;
    }
    stamp[id] = call;
    slot[id] = size;
    slotIds[size] = id;
    slotCounts[size++] = 1;
  }
  return size;
}

// The unit TF-IDF vector of the gathered slots; `counted` bumps each frequency first.
function weigh(t: Tables, size: number, documentCount: number, counted: boolean): TermVector {
  const { frequency, present, slotIds, slotCounts, raw } = t;
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const id = slotIds[i] as number;
    let f = frequency[id] as number;
    if (counted) {
      frequency[id] = f = f + 1;
      present[id] = 1;
    }
    const weight = (1 + logCount(slotCounts[i] as number)) * idfOf(documentCount, f);
    raw[i] = weight;
    sum += weight * weight;
  }
  const length = Math.sqrt(sum);
  // Filled in reused arrays and copied out at their exact size: pushing into fresh arrays
  // reallocated each one several times as it grew (this runs for every field of every article).
  const ids = idScratch;
  const weights = weightScratch;
  for (let i = 0; i < size; i++) {
    const weight = raw[i] as number;
    setOrPush(ids, i, slotIds[i] as number);
    setOrPush(weights, i, length > 0 ? weight / length : weight);
  }
  return { ids: ids.slice(0, size), weights: weights.slice(0, size) };
}

// Scratch for weigh (single-threaded, not re-entered). Only ever written up to their length or
// one past it, so they stay packed arrays (of small integers, of doubles).
const idScratch: number[] = [];
const weightScratch: number[] = [0.5];

function setOrPush(array: number[], i: number, value: number): void {
  if (i < array.length) array[i] = value;
  else array.push(value);
}

function prune(
  t: Tables,
  vocabulary: TermVocabulary,
  min: number,
  keep: ((id: number) => boolean) | undefined,
): number {
  let dropped = 0;
  for (const id of [...vocabulary.usedIds()]) {
    if (t.present[id] === 1 && (t.frequency[id] as number) >= min) continue;
    if (t.present[id] === 1) dropped += 1;
    t.present[id] = 0;
    t.frequency[id] = 0;
    if (!keep?.(id)) vocabulary.release(id);
  }
  return dropped;
}

function restore(snapshot: TfIdfSnapshot, vocabulary: TermVocabulary, t: Tables): number {
  if (!Number.isInteger(snapshot.documentCount) || !Array.isArray(snapshot.documentFrequencies)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      'TF-IDF snapshot is malformed: expected documentCount and documentFrequencies',
    );
  }
  for (const pair of snapshot.documentFrequencies) {
    const [term, count] = Array.isArray(pair) ? pair : [];
    if (typeof term !== 'string' || typeof count !== 'number' || !(count >= 0)) {
      throw new NewsloomError(
        'INVALID_INPUT',
        `TF-IDF snapshot is malformed: expected [term, frequency ≥ 0] pairs, got ${JSON.stringify(pair)}`,
      );
    }
    const id = vocabulary.id(term);
    t.ensureIds(vocabulary.capacity);
    t.frequency[id] = count;
    t.present[id] = 1;
  }
  return snapshot.documentCount;
}
