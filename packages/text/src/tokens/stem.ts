import { porterStem } from './porter';

// Stemming dominates token processing on a stream, and news vocabulary repeats: a bounded memo
// keeps it cheap without letting memory grow on an endless stream.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string>();
const ALPHA_RE = /^[a-z]+$/;

/**
 * Porter stem of one lower-case word (natural's PorterStemmer, ported: `porter.ts`; memoised). Tokens that are not
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
  const key = detached(word);
  const stemmed = detached(ALPHA_RE.test(key) ? porterStem(key) : key);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, stemmed);
  return stemmed;
}

// V8 represents a slice of 13 or more characters as a view into its parent string. Tokens are
// such slices of a whole lower-cased lead; a memo (and the TF-IDF vocabulary and story profiles
// that keep the stems) holding one would keep the whole lead alive. A copy holds only itself.
function detached(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}
