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
  // Each term's document frequency sits in an entry object, so counting a document reads the
  // map once per token and writes only its new terms (the entry is updated in place).
  const df = new Map<string, Entry>();
  let documentCount = 0;
  let stamp = 0; // which call last gathered an entry
  // Where `gather` leaves the document's entries and their counts, by slot, for `weighSlots`.
  let entries = slotsFor(0);
  let entryCounts = countsFor(0);
  if (snapshot) {
    if (!Number.isInteger(snapshot.documentCount) || !Array.isArray(snapshot.documentFrequencies)) {
      throw new NewsloomError(
        'INVALID_INPUT',
        'TF-IDF snapshot is malformed: expected documentCount and documentFrequencies',
      );
    }
    documentCount = snapshot.documentCount;
    for (const [term, count] of snapshot.documentFrequencies) df.set(term, newEntry(term, count));
  }
  const frequencyOf = (term: string): number => df.get(term)?.frequency ?? 0;
  const idfOf = (frequency: number): number => Math.log((1 + documentCount) / (1 + frequency)) + 1;
  // Turns a map of counts into the unit TF-IDF vector, in place, with the current frequencies.
  // Raw weights wait in a scratch array, so each entry of `counts` is written once.
  const weigh = (counts: Map<string, number>): Map<string, number> => {
    const weights = scratchFor(counts.size);
    let sum = 0;
    let i = 0;
    counts.forEach((count, term) => {
      const weight = (1 + logCount(count)) * idfOf(frequencyOf(term));
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
  // The hot path: one map read per token. A term's first occurrence in the document takes the
  // next slot (so slots follow the order termCounts would give), later ones bump its count.
  // `counted` adds unseen terms; otherwise an unseen term returns -1 (left to `weigh`).
  const gather = (terms: readonly string[], counted: boolean): number => {
    stamp += 1;
    entries = slotsFor(terms.length);
    entryCounts = countsFor(terms.length);
    let size = 0;
    for (const term of terms) {
      let entry = df.get(term);
      if (entry === undefined) {
        if (!counted) return release(size, -1);
        entry = newEntry(term, 0);
        df.set(term, entry);
      }
      if (entry.stamp === stamp) {
        entryCounts[entry.slot] = (entryCounts[entry.slot] as number) + 1;
        continue;
      }
      entry.stamp = stamp;
      entry.slot = size;
      entries[size] = entry;
      entryCounts[size++] = 1;
    }
    return size;
  };
  // The unit TF-IDF vector of the `size` gathered slots, in slot order; `counted` bumps each
  // slot's frequency first, as a document is added.
  const weighSlots = (size: number, counted: boolean): Map<string, number> => {
    const weights = scratchFor(size);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const entry = entries[i] as Entry;
      let frequency = entry.frequency ?? 0;
      // + 1, not ++: a snapshot may hold a non-number, which + 1 treats as before
      if (counted) entry.frequency = frequency = frequency + 1;
      const weight = (1 + logCount(entryCounts[i] as number)) * idfOf(frequency);
      weights[i] = weight;
      sum += weight * weight;
    }
    const length = Math.sqrt(sum);
    const vector = new Map<string, number>();
    for (let i = 0; i < size; i++) {
      const weight = weights[i] as number;
      vector.set((entries[i] as Entry).term, length > 0 ? weight / length : weight);
    }
    return release(size, vector);
  };
  // Empties the first `size` slots and goes back to the shared scratch, so no entry (nor its
  // term) and no one-off large array stays alive.
  const release = <T>(size: number, result: T): T => {
    for (let i = 0; i < size; i++) entries[i] = undefined;
    entries = slotsFor(0);
    entryCounts = countsFor(0);
    return result;
  };
  return {
    addDocument(terms) {
      documentCount += 1;
      return weighSlots(gather(terms, true), true);
    },
    idf: (term) => idfOf(frequencyOf(term)),
    vector(terms) {
      const size = gather(terms, false);
      return size >= 0 ? weighSlots(size, false) : weigh(termCounts(terms));
    },
    get documentCount() {
      return documentCount;
    },
    documentFrequency: frequencyOf,
    prune(minDocumentFrequency) {
      let dropped = 0;
      for (const [term, entry] of df) {
        if (entry.frequency >= minDocumentFrequency) continue;
        df.delete(term);
        dropped += 1;
      }
      return dropped;
    },
    snapshot: () => ({
      documentCount,
      documentFrequencies: Array.from(df, ([term, entry]): [string, number] => [
        term,
        entry.frequency,
      ]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    }),
  };
}

// A term's document frequency, and where the document being counted keeps it.
interface Entry {
  readonly term: string;
  frequency: number;
  stamp: number;
  slot: number;
}

function newEntry(term: string, frequency: number): Entry {
  return { term, frequency, stamp: 0, slot: 0 };
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
// Term counts and entries of the document being counted, by slot.
let countScratch = new Float64Array(1024);
function countsFor(size: number): Float64Array {
  if (size <= countScratch.length) return countScratch;
  if (size > SCRATCH_LIMIT) return new Float64Array(size);
  countScratch = new Float64Array(Math.min(SCRATCH_LIMIT, 2 * size));
  return countScratch;
}
const slotScratch: Array<Entry | undefined> = [];
function slotsFor(size: number): Array<Entry | undefined> {
  return size > SCRATCH_LIMIT ? [] : slotScratch;
}

// ln of a term count; counts are small integers, so the first few logs are looked up (the same
// values Math.log returns).
const LOGS = Array.from({ length: 64 }, (_, i) => Math.log(i));
function logCount(count: number): number {
  return count < 64 ? (LOGS[count] as number) : Math.log(count);
}
