import { TOKEN_HASH_SEED } from '../hash/simhash-tokens';
import { stem } from '../tokens/stem';
import { isStopword } from '../tokens/stopwords';
import { isAlnum, isJoiner } from '../tokens/tokenize';
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
  // Open addressing, at most half full. Slot s is table[4s..4s+3]: the token's hash, its term
  // id (−1: stop word), where its characters start in `chars` and how many (0: empty slot).
  // One small record per slot and the characters in one pool keep a lookup to two cache lines.
  private table = new Int32Array(4 * 4096);
  private chars = new Uint16Array(16384);
  private used = 0; // characters used in `chars`
  private count = 0;
  private epoch: number;

  constructor(private readonly vocabulary: TermVocabulary) {
    this.epoch = vocabulary.epoch;
  }

  /** Scans the first `maxTokens` tokens of `text` into `run`; returns how many. */
  scan(text: string, run: TokenRun, maxTokens = Number.POSITIVE_INFINITY): number {
    if (this.vocabulary.epoch !== this.epoch) this.reset(this.table.length / 4);
    const lower = text.toLowerCase();
    const n = lower.length;
    let count = 0;
    let i = 0;
    while (i < n && count < maxTokens) {
      if (!isAlnum(lower.charCodeAt(i))) {
        i += 1;
        continue;
      }
      // The token's end as tokenEnd finds it, hashing as it goes (h: all characters so far;
      // h2: all but the last two, for a possessive "'s", straight or curly, which is dropped).
      let h = Math.imul(HASH_START ^ lower.charCodeAt(i), 0x01000193);
      let h1 = HASH_START;
      let h2 = HASH_START;
      let j = i + 1;
      while (j < n) {
        const c = lower.charCodeAt(j);
        if (isAlnum(c)) {
          h2 = h1;
          h1 = h;
          h = Math.imul(h ^ c, 0x01000193);
          j += 1;
        } else if (isJoiner(c) && j + 1 < n && isAlnum(lower.charCodeAt(j + 1))) {
          h2 = h;
          h1 = Math.imul(h ^ c, 0x01000193);
          h = Math.imul(h1 ^ lower.charCodeAt(j + 1), 0x01000193);
          j += 2;
        } else break;
      }
      const quote = j - i >= 2 && lower.charCodeAt(j - 1) === 115 ? lower.charCodeAt(j - 2) : 0;
      const possessive = quote === 39 || quote === 0x2019;
      if (!possessive || j - i > 2) {
        const slot = possessive ? this.slotOf(lower, i, j - 2, h2) : this.slotOf(lower, i, j, h);
        if (count === run.terms.length) growRun(run);
        run.terms[count] = this.table[slot + 1] as number;
        run.hashes[count] = this.table[slot] as number;
        count += 1;
      }
      i = j;
    }
    run.length = count;
    return count;
  }

  // The table offset of lower[start, end) (FNV state `state`), filled on first sight.
  private slotOf(lower: string, start: number, end: number, state: number): number {
    const h = finish(state);
    const table = this.table;
    const mask = table.length / 4 - 1;
    const length = end - start;
    let s = h & mask;
    for (;;) {
      const at = 4 * s;
      const size = table[at + 3] as number;
      if (size === 0) break;
      if (
        table[at] === h &&
        size === length &&
        this.same(table[at + 2] as number, lower, start, length)
      ) {
        return at;
      }
      s = (s + 1) & mask;
    }
    return this.insert(h, lower.slice(start, end));
  }

  private same(from: number, lower: string, start: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) {
      if (chars[from + k] !== lower.charCodeAt(start + k)) return false;
    }
    return true;
  }

  private insert(hash: number, sliced: string): number {
    const token = detached(sliced);
    const term = isStopword(token) ? -1 : this.vocabulary.id(stem(token));
    // Kept at most half full: double, or start over at the limit (bounded memory).
    if (2 * (this.count + 1) > this.table.length / 4) {
      this.reset(this.count + 1 >= LIMIT ? this.table.length / 4 : this.table.length / 2);
    }
    if (this.used + token.length > this.chars.length) {
      const grown = new Uint16Array(2 * (this.used + token.length));
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    const from = this.used;
    for (let k = 0; k < token.length; k++) this.chars[from + k] = token.charCodeAt(k);
    this.used += token.length;
    return this.place(hash, term, from, token.length);
  }

  private place(hash: number, term: number, from: number, length: number): number {
    const table = this.table;
    const mask = table.length / 4 - 1;
    let s = hash & mask;
    while ((table[4 * s + 3] as number) !== 0) s = (s + 1) & mask;
    const at = 4 * s;
    table[at] = hash;
    table[at + 1] = term;
    table[at + 2] = from;
    table[at + 3] = length;
    this.count += 1;
    return at;
  }

  // Makes the table `slots` slots, keeping the entries only when it grows (same epoch).
  private reset(slots: number): void {
    const old = this.table;
    const keep = 4 * slots > old.length && this.vocabulary.epoch === this.epoch;
    this.table = new Int32Array(4 * slots);
    this.count = 0;
    this.epoch = this.vocabulary.epoch;
    if (!keep) {
      this.used = 0;
      return;
    }
    for (let at = 0; at < old.length; at += 4) {
      const length = old[at + 3] as number;
      if (length !== 0) {
        this.place(old[at] as number, old[at + 1] as number, old[at + 2] as number, length);
      }
    }
  }
}

// murmur3's fmix32 over an FNV-1a state: the end of hash32 (see hash32.ts).
function finish(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
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
