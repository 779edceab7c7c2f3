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
    if (this.key.length < text.length) this.key = new Uint16Array(2 * text.length);
    // Lower-cased as it goes (no lower-cased copy of every text); a character whose lower case
    // may depend on its neighbours or change the length takes the whole-string path.
    let count = this.scanChars(text, run, maxTokens, true);
    if (count < 0) count = this.scanChars(text.toLowerCase(), run, maxTokens, false);
    run.length = count;
    return count;
  }

  // The scan proper, over `text` folded character by character (`fold`: see lowerAt) or already
  // lower-cased; -1 when folding meets a character it cannot fold alone.
  private scanChars(text: string, run: TokenRun, maxTokens: number, fold: boolean): number {
    const n = text.length;
    const key = this.key;
    let count = 0;
    let i = 0;
    while (i < n && count < maxTokens) {
      const first = lowerAt(text, i, fold);
      if (first < 0) return -1;
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
        const c = lowerAt(text, j, fold);
        if (c < 0) return -1;
        if (isAlnum(c)) {
          h2 = h1;
          h1 = h;
          h = fnvStep(h, c);
          key[length++] = c;
          j += 1;
          continue;
        }
        if (!isJoiner(c) || j + 1 >= n) break;
        const next = lowerAt(text, j + 1, fold);
        if (next < 0) return -1;
        if (!isAlnum(next)) break;
        h2 = h;
        h1 = fnvStep(h, c);
        h = fnvStep(h1, next);
        key[length++] = c;
        key[length++] = next;
        j += 2;
      }
      const quote = length >= 2 && key[length - 1] === 115 ? key[length - 2] : 0;
      const possessive = quote === 39 || quote === 0x2019;
      if (!possessive || length > 2) {
        const size = possessive ? length - 2 : length;
        const entry = this.entryOf(fnvFinish(possessive ? h2 : h), size);
        if (count === run.terms.length) growRun(run);
        run.terms[count] = this.cache.value(entry);
        run.hashes[count] = this.cache.hash(entry);
        count += 1;
      }
      i = j;
    }
    return count;
  }

  // The cache entry of the token in key[0, length), made on first sight: stop word or the id of
  // its stem.
  private entryOf(hash: number, length: number): number {
    const found = this.cache.find(hash, this.key, length);
    if (found >= 0) return found;
    const token = charsToString(this.key, length);
    const term = isStopword(token) ? -1 : this.vocabulary.id(stem(token));
    return this.cache.add(hash, this.key, length, term);
  }
}

// Lower case of each character below 256 on its own (as toLowerCase gives it within a string).
const LOWER_LATIN1 = new Uint16Array(256);
for (let c = 0; c < 256; c++) LOWER_LATIN1[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);

// The lower case of text[at]; with `fold`, -1 for a character whose lower case in the whole
// string could differ from its own (Greek capital sigma) or take two code units (İ): those outside
// Latin-1 and General Punctuation (U+2000–U+206F: dashes, curly quotes, which have no case).
// Without `fold` the text is lower-cased already.
function lowerAt(text: string, at: number, fold: boolean): number {
  const c = text.charCodeAt(at);
  if (c < 256) return LOWER_LATIN1[c] as number;
  if (!fold || (c >= 0x2000 && c <= 0x206f)) return c;
  return -1;
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

function growRun(run: TokenRun): void {
  const terms = new Int32Array(2 * run.terms.length);
  terms.set(run.terms);
  const hashes = new Int32Array(2 * run.hashes.length);
  hashes.set(run.hashes);
  run.terms = terms;
  run.hashes = hashes;
}
