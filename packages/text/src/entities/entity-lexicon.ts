import { CharKeyTable, fnvFinish, fnvStart, fnvStep } from '../terms/char-table';
import { charsToString } from '../terms/lexicon';
import type { TermVocabulary } from '../terms/vocabulary';
import { isStopword, STOPWORDS } from '../tokens/stopwords';
import { type NameRunSink, scanNameRuns } from './quick-entities';

const SEED = 0x3e7;
const START = fnvStart(SEED);
const UNDERSCORE = 95;
// Distinct entities remembered before the cache starts over (bounded memory on a stream).
const LIMIT = 1 << 17;

// The stop words, keyed by their characters (a name run never starts with one). Only ASCII
// words are looked up here; a word with other characters takes the string path.
const STOP_KEYS = new CharKeyTable(1 << 20);
{
  const key = new Uint16Array(64);
  for (const word of STOPWORDS) {
    let h = START;
    for (let k = 0; k < word.length; k++) {
      key[k] = word.charCodeAt(k);
      h = fnvStep(h, key[k] as number);
    }
    STOP_KEYS.add(fnvFinish(h), key, word.length, 1);
  }
}

/**
 * {@link quickEntities} as term ids of a vocabulary, without building a string for an entity
 * seen before: each run of names is lower-cased and hashed in place and looked up in a cache
 * keyed by its characters; only a new entity (or one with non-ASCII letters) is cut out of the
 * text and interned. The ids are those of `vocabulary.id(entity)` for the entities
 * `quickEntities` gives, in the same order. The cache starts over when the vocabulary releases
 * ids.
 *
 * @example
 * ```ts
 * const vocabulary = new TermVocabulary();
 * const entities = new EntityLexicon(vocabulary);
 * entities.ids('On Thursday, Joe Biden met Angela Merkel.').map((id) => vocabulary.term(id));
 * // ['thursday', 'joe_biden', 'angela_merkel']
 * ```
 */
export class EntityLexicon implements NameRunSink {
  private readonly cache = new CharKeyTable(LIMIT);
  private key = new Uint16Array(256);
  private length = 0;
  private state = START;
  private slow: string | undefined; // the run as a string, once a word had non-ASCII characters
  private out: number[] = [];
  private epoch: number;

  constructor(private readonly vocabulary: TermVocabulary) {
    this.epoch = vocabulary.epoch;
  }

  /**
   * The ids of the quick entities of text[0, end) (the whole text by default), in order: the
   * same as `ids(text.slice(0, end))` without copying the text.
   */
  ids(text: string, end = text.length): number[] {
    if (this.vocabulary.epoch !== this.epoch) {
      this.cache.clear();
      this.epoch = this.vocabulary.epoch;
    }
    const n = Math.min(end, text.length);
    if (this.key.length < 2 * n) this.key = new Uint16Array(2 * n);
    this.out = [];
    scanNameRuns(text, this, n);
    return this.out;
  }

  /** @internal (the scanner's sink) */
  open(text: string, start: number, end: number): boolean {
    this.length = 0;
    this.state = START;
    this.slow = undefined;
    if (!this.appendAscii(text, start, end)) {
      const lower = text.slice(start, end).toLowerCase();
      if (isStopword(lower)) return false;
      this.slow = lower;
      return true;
    }
    if (this.length < 2) return false;
    return STOP_KEYS.find(fnvFinish(this.state), this.key, this.length) < 0;
  }

  /** @internal (the scanner's sink) */
  extend(text: string, start: number, end: number): void {
    if (this.slow === undefined) {
      const mark = this.length;
      const state = this.state;
      this.key[this.length++] = UNDERSCORE;
      this.state = fnvStep(this.state, UNDERSCORE);
      if (this.appendAscii(text, start, end)) return;
      this.slow = charsToString(this.key, mark);
      this.length = mark;
      this.state = state;
    }
    this.slow = `${this.slow}_${text.slice(start, end).toLowerCase()}`;
  }

  /** @internal (the scanner's sink) */
  close(): void {
    if (this.slow !== undefined) {
      this.out.push(this.vocabulary.id(this.slow));
      return;
    }
    const hash = fnvFinish(this.state);
    const found = this.cache.find(hash, this.key, this.length);
    if (found >= 0) {
      this.out.push(this.cache.value(found));
      return;
    }
    const id = this.vocabulary.id(charsToString(this.key, this.length));
    this.cache.add(hash, this.key, this.length, id);
    this.out.push(id);
  }

  // Appends text[start, end) lower-cased to the key; false (and nothing kept) when a
  // character is not ASCII, whose lower case needs the whole word (String.toLowerCase).
  private appendAscii(text: string, start: number, end: number): boolean {
    const key = this.key;
    let length = this.length;
    let state = this.state;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c >= 0x80) return false;
      if (c >= 65 && c <= 90) c += 32;
      key[length++] = c;
      state = fnvStep(state, c);
    }
    this.length = length;
    this.state = state;
    return true;
  }
}
