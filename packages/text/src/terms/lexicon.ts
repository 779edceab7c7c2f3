import { TOKEN_HASH_SEED } from '../hash/simhash-tokens';
import { stem } from '../tokens/stem';
import { isStopword } from '../tokens/stopwords';
import { isAlnum, isJoiner } from '../tokens/tokenize';
import { CharKeyTable, fnvFinish, fnvStart, fnvStep } from './char-table';
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
const HASH_START = fnvStart(TOKEN_HASH_SEED);
// Distinct tokens remembered before the cache starts over (a news vocabulary repeats; an
// endless stream of one-off tokens must not grow memory without bound).
const LIMIT = 1 << 18;

/**
 * Turns text into term ids in one pass: the tokens `tokenize` gives, each looked up in a cache
 * keyed by its characters (no string is cut out of the text for a token seen before), which
 * remembers whether it is a stop word, its stem's id in the vocabulary and its hash. Each
 * distinct token is stemmed and interned once. The cache starts over when the vocabulary
 * releases ids (see {@link TermVocabulary.epoch}).
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
  private readonly cache = new CharKeyTable(LIMIT);
  private key = new Uint16Array(256); // the current token's characters
  private epoch: number;

  constructor(private readonly vocabulary: TermVocabulary) {
    this.epoch = vocabulary.epoch;
  }

  /** Scans the first `maxTokens` tokens of `text` into `run`; returns how many. */
  scan(text: string, run: TokenRun, maxTokens = Number.POSITIVE_INFINITY): number {
    if (this.vocabulary.epoch !== this.epoch) {
      this.cache.clear();
      this.epoch = this.vocabulary.epoch;
    }
    const lower = text.toLowerCase();
    const n = lower.length;
    if (this.key.length < n) this.key = new Uint16Array(2 * n);
    const key = this.key;
    let count = 0;
    let i = 0;
    while (i < n && count < maxTokens) {
      const first = lower.charCodeAt(i);
      if (!isAlnum(first)) {
        i += 1;
        continue;
      }
      // The token's end as tokenize finds it, copying and hashing as it goes (h: all
      // characters so far; h2: all but the last two, for a possessive "'s", which is dropped).
      key[0] = first;
      let length = 1;
      let h = fnvStep(HASH_START, first);
      let h1 = HASH_START;
      let h2 = HASH_START;
      let j = i + 1;
      while (j < n) {
        const c = lower.charCodeAt(j);
        if (isAlnum(c)) {
          h2 = h1;
          h1 = h;
          h = fnvStep(h, c);
          key[length++] = c;
          j += 1;
        } else if (isJoiner(c) && j + 1 < n && isAlnum(lower.charCodeAt(j + 1))) {
          const next = lower.charCodeAt(j + 1);
          h2 = h;
          h1 = fnvStep(h, c);
          h = fnvStep(h1, next);
          key[length++] = c;
          key[length++] = next;
          j += 2;
        } else break;
      }
      const quote = length >= 2 && key[length - 1] === 115 ? key[length - 2] : 0;
      const possessive = quote === 39 || quote === 0x2019;
      if (!possessive || length > 2) {
        const size = possessive ? length - 2 : length;
        const entry = this.entryOf(fnvFinish(possessive ? h2 : h), size, lower, i);
        if (count === run.terms.length) growRun(run);
        run.terms[count] = this.cache.value(entry);
        run.hashes[count] = this.cache.hash(entry);
        count += 1;
      }
      i = j;
    }
    run.length = count;
    return count;
  }

  // The cache entry of the token in key[0, length) (= lower[start, start + length)), made on
  // first sight: stop word or the id of its stem.
  private entryOf(hash: number, length: number, lower: string, start: number): number {
    const found = this.cache.find(hash, this.key, length);
    if (found >= 0) return found;
    const token = detached(lower.slice(start, start + length));
    const term = isStopword(token) ? -1 : this.vocabulary.id(stem(token));
    return this.cache.add(hash, this.key, length, term);
  }
}

/** The string of code units key[0, length) (in chunks: one call on a long key would overflow the stack). */
export function charsToString(key: Uint16Array, length: number): string {
  if (length <= 4096)
    return String.fromCharCode.apply(null, key.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let from = 0; from < length; from += 4096) {
    const chunk = key.subarray(from, Math.min(length, from + 4096));
    out += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return out;
}

// A copy of a slice that holds only its own characters (see stem.ts: a sliced string of 13 or
// more characters would keep its whole text alive in the vocabulary).
function detached(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}

function growRun(run: TokenRun): void {
  const terms = new Int32Array(2 * run.terms.length);
  terms.set(run.terms);
  const hashes = new Int32Array(2 * run.hashes.length);
  hashes.set(run.hashes);
  run.terms = terms;
  run.hashes = hashes;
}
