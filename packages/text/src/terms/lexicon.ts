import { TOKEN_HASH_SEED } from '../hash/simhash-tokens';
import { stem } from '../tokens/stem';
import { isStopword } from '../tokens/stopwords';
import { isAlnum, tokenEnd } from '../tokens/tokenize';
import type { TermVocabulary } from './vocabulary';

/**
 * The tokens of one scanned text, in order: `terms[k]` is the term id of token k's Porter stem
 * (−1 for a stop word), `hashes[k]` is `hash32(token, TOKEN_HASH_SEED)` (what
 * `simhashTokens` hashes). Only the first `length` entries belong to the last scan.
 */
export interface TokenRun {
  terms: Int32Array;
  hashes: Int32Array;
  length: number;
}

/**
 * An empty {@link TokenRun} to scan into (it grows as needed).
 *
 * @example
 * ```ts
 * const run = createTokenRun();
 * ```
 */
export function createTokenRun(): TokenRun {
  return { terms: new Int32Array(256), hashes: new Int32Array(256), length: 0 };
}

// hash32's starting state for TOKEN_HASH_SEED (see hash32.ts: FNV-1a, then murmur3's fmix32).
const HASH_START = (0x811c9dc5 ^ Math.imul(TOKEN_HASH_SEED, 0x9e3779b1)) >>> 0;
const charCodeAt = String.prototype.charCodeAt;
// Distinct tokens remembered before the cache starts over (a news vocabulary repeats; an
// endless stream of one-off tokens must not grow memory without bound).
const LIMIT = 1 << 18;

/**
 * Turns text into term ids in one pass: the tokens `tokenize` gives, each looked up in a cache
 * keyed by its characters (no string is cut out of the text for a token seen before), which
 * remembers whether it is a stop word, its stem's id in the vocabulary and its hash. Each
 * distinct token is lower-cased, stemmed and interned once. The cache starts over when the
 * vocabulary releases ids (see {@link TermVocabulary.epoch}).
 *
 * @example
 * ```ts
 * const vocabulary = new TermVocabulary();
 * const lexicon = new TokenLexicon(vocabulary);
 * const run = createTokenRun();
 * lexicon.scan('Jobless claims are rising', run);
 * [...run.terms.subarray(0, run.length)].map((id) => (id < 0 ? null : vocabulary.term(id)));
 * // ['jobless', 'claim', null, 'rise']
 * ```
 */
export class TokenLexicon {
  private keys: Array<string | undefined> = new Array(4096);
  private hashes = new Int32Array(4096);
  private terms = new Int32Array(4096);
  private count = 0;
  private epoch: number;

  constructor(private readonly vocabulary: TermVocabulary) {
    this.epoch = vocabulary.epoch;
  }

  /** Scans the first `maxTokens` tokens of `text` into `run`; returns how many. */
  scan(text: string, run: TokenRun, maxTokens = Number.POSITIVE_INFINITY): number {
    if (this.vocabulary.epoch !== this.epoch) this.clear(this.keys.length);
    const lower = text.toLowerCase();
    const n = lower.length;
    let count = 0;
    let i = 0;
    while (i < n && count < maxTokens) {
      if (!isAlnum(lower.charCodeAt(i))) {
        i += 1;
        continue;
      }
      const j = tokenEnd(lower, i + 1, n);
      // A possessive "'s" (straight or curly) is dropped, and the token with it when nothing is left.
      const quote = j - i >= 2 && lower.charCodeAt(j - 1) === 115 ? lower.charCodeAt(j - 2) : 0;
      const possessive = quote === 39 || quote === 0x2019;
      if (!possessive || j - i > 2) {
        const slot = this.slotOf(lower, i, possessive ? j - 2 : j);
        if (count === run.terms.length) growRun(run);
        run.terms[count] = this.terms[slot] as number;
        run.hashes[count] = this.hashes[slot] as number;
        count += 1;
      }
      i = j;
    }
    run.length = count;
    return count;
  }

  // The cache slot of lower[start, end), filled on first sight.
  private slotOf(lower: string, start: number, end: number): number {
    let h = HASH_START;
    for (let k = start; k < end; k++) {
      h ^= charCodeAt.call(lower, k);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const mask = this.keys.length - 1;
    let slot = h & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && sameText(key, lower, start, end)) return slot;
      slot = (slot + 1) & mask;
    }
    return this.insert(h, lower.slice(start, end));
  }

  private insert(hash: number, sliced: string): number {
    const token = detached(sliced);
    const term = isStopword(token) ? -1 : this.vocabulary.id(stem(token));
    // Kept at most half full: double, or start over at the limit (bounded memory).
    if (2 * (this.count + 1) > this.keys.length) {
      this.clear(this.count + 1 >= LIMIT ? this.keys.length : 2 * this.keys.length);
    }
    return this.place(token, hash, term);
  }

  private place(token: string, hash: number, term: number): number {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = token;
    this.hashes[slot] = hash;
    this.terms[slot] = term;
    this.count += 1;
    return slot;
  }

  // Empties the cache into `size` slots, keeping the entries only when it grows.
  private clear(size: number): void {
    const old = this.keys;
    const oldHashes = this.hashes;
    const oldTerms = this.terms;
    const keep = size > old.length && this.vocabulary.epoch === this.epoch;
    this.keys = new Array(size);
    this.hashes = new Int32Array(size);
    this.terms = new Int32Array(size);
    this.count = 0;
    this.epoch = this.vocabulary.epoch;
    if (!keep) return;
    for (let s = 0; s < old.length; s++) {
      const key = old[s];
      if (key !== undefined) this.place(key, oldHashes[s] as number, oldTerms[s] as number);
    }
  }
}

function sameText(key: string, lower: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) {
    if (charCodeAt.call(key, k) !== charCodeAt.call(lower, start + k)) return false;
  }
  return true;
}

function growRun(run: TokenRun): void {
  const terms = new Int32Array(2 * run.terms.length);
  terms.set(run.terms);
  const hashes = new Int32Array(2 * run.hashes.length);
  hashes.set(run.hashes);
  run.terms = terms;
  run.hashes = hashes;
}

// A copy of a slice that holds only its own characters (see stem.ts: a sliced string of 13 or
// more characters would keep its whole text alive).
function detached(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}
