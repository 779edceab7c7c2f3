import { NewsloomError } from '@newsloom/core';
import { beyondScratch, sharedScratch } from '../scratch';
import { idfOf as idfFor, logCount } from './weights';

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
  const idfOf = (frequency: number): number => idfFor(documentCount, frequency);
  // The hot path: one map read per token. A term's first occurrence in the document takes the
  // next slot (so slots follow first occurrence, as termCounts does), later ones bump its count.
  // `counted` adds unseen terms to the vocabulary; otherwise they get a frequency-0 entry of
  // this call only.
  const gather = (terms: readonly string[], counted: boolean): number => {
    stamp += 1;
    entries = slotsFor(terms.length);
    entryCounts = countsFor(terms.length);
    let unseen: Map<string, Entry> | undefined;
    let size = 0;
    for (const term of terms) {
      let entry = df.get(term) ?? unseen?.get(term);
      if (entry === undefined) {
        entry = newEntry(term, 0);
        if (counted) {
          df.set(term, entry);
        } else {
          unseen ??= new Map();
          unseen.set(term, entry);
        }
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
    release(size);
    return vector;
  };
  // Empties the first `size` slots and goes back to the shared scratch, so no entry (nor its
  // term) and no one-off large array stays alive.
  const release = (size: number): void => {
    for (let i = 0; i < size; i++) entries[i] = undefined;
    entries = slotsFor(0);
    entryCounts = countsFor(0);
  };
  return {
    addDocument(terms) {
      documentCount += 1;
      return weighSlots(gather(terms, true), true);
    },
    idf: (term) => idfOf(frequencyOf(term)),
    vector: (terms) => weighSlots(gather(terms, false), false),
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

// Raw weights of the document being weighed, and the term counts and entries of the document
// being counted, by slot.
const scratchFor = sharedScratch(Float64Array, 1024);
const countsFor = sharedScratch(Float64Array, 1024);
const slotScratch: Array<Entry | undefined> = [];
function slotsFor(size: number): Array<Entry | undefined> {
  return beyondScratch(size) ? [] : slotScratch;
}
