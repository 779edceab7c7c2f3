// The stemmers submodule, not `natural`: its root loads dotenv (printing to stdout) and database clients.
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';

// Stemming dominates token processing on a stream, and news vocabulary repeats: a bounded memo
// keeps it cheap without letting memory grow on an endless stream.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();
const ALPHA_RE = /^[a-z]+$/;

/**
 * Porter stem of one lower-case word (natural's PorterStemmer, memoised). Tokens that are not
 * purely alphabetic ("u.s", "3.5", "don't") are returned unchanged: Porter would mangle them.
 *
 * @example
 * ```ts
 * stem('claims'); // 'claim'
 * stem('running'); // 'run'
 * ```
 */
export function stem(word: string): string {
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const stemmed = ALPHA_RE.test(word) ? PorterStemmer.stem(word) : word;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, stemmed);
  return stemmed;
}
