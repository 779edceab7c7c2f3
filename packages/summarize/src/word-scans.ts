// Character scans that compression and clause cuts run on every word or cut: each does what a
// small regex or split would, without trying a pattern at every position or building arrays.

/** Characters a cut or compressed text may not end on. */
const TRAILING_PUNCTUATION = ',;:—–-';

/**
 * A text without its final run of commas, semicolons, colons and dashes: what
 * `replace(/[,;:—–-]+$/u, '')` gives, by a scan from the end (an end-anchored regex is tried
 * from every position).
 */
export function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.includes(text.charAt(end - 1))) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** True when a quotation mark is left once the closed quotations are taken out: a quote cut. */
export function hasOpenQuote(text: string): boolean {
  // Without any quotation mark there is nothing to take out (most cuts): no regex pass.
  if (!text.includes('"') && !text.includes('“') && !text.includes('‘')) return false;
  return /["“‘]/u.test(text.replace(/“[^”]*”|"[^"]*"/gu, ''));
}

/** True when a word ends in a comma, semicolon or colon (`/[,;:]$/u`, without the regex). */
export function endsInPause(word: string): boolean {
  const last = word.charAt(word.length - 1);
  return last === ',' || last === ';' || last === ':';
}

/** True when a word opens with a quotation mark or bracket (`/^["“‘(]/u`, without the regex). */
export function opensQuote(word: string): boolean {
  const first = word.charAt(0);
  return first === '"' || first === '“' || first === '‘' || first === '(';
}

/** Words of a text: runs of non-spaces between single spaces (counted without splitting). */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

/**
 * True when every character of `word` is an ASCII letter (or an apostrophe, when allowed): then
 * stripping non-letters would change nothing, and the Unicode regex pass can be skipped.
 */
function isAsciiWord(word: string, apostrophe: boolean): boolean {
  for (let k = 0; k < word.length; k += 1) {
    const c = word.charCodeAt(k) | 32; // folds A–Z onto a–z
    if ((c < 97 || c > 122) && !(apostrophe && word.charCodeAt(k) === 39)) return false;
  }
  return true;
}

/** A word in lower case with everything but letters and apostrophes removed. */
export function verbForm(word: string): string {
  const lower = word.toLowerCase();
  return isAsciiWord(word, true) ? lower : lower.replace(/[^\p{L}']/gu, '');
}

/** A word with everything but letters removed, in lower case. */
export function letterForm(word: string): string {
  return (isAsciiWord(word, false) ? word : word.replace(/[^\p{L}]/gu, '')).toLowerCase();
}
