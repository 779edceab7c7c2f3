// Word tokens: runs of letters and digits, joined across inner apostrophes, periods and commas
// ("don't", "u.s", "3.5", "1,000"); possessive "'s" dropped; lower-cased. A character scanner
// rather than a Unicode regular expression: tokenizing is the hot path of streaming clustering.

// ASCII letters and digits, by character code (a table lookup instead of range tests).
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_ALNUM[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_ALNUM[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_ALNUM[c] = 1;

/**
 * Splits text into lower-case word tokens, in order, dropping punctuation and possessive "'s".
 *
 * @example
 * ```ts
 * tokenize("The U.S. economy's 3.5% growth"); // ['the', 'u.s', 'economy', '3.5', 'growth']
 * ```
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(lower.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const j = tokenEnd(lower, i + 1, n);
    // A possessive "'s" (straight or curly) is dropped, and the token with it when nothing is left.
    const quote = j - i >= 2 && lower.charCodeAt(j - 1) === 115 ? lower.charCodeAt(j - 2) : 0;
    if (quote !== 39 && quote !== 0x2019) out.push(lower.slice(i, j));
    else if (j - i > 2) out.push(lower.slice(i, j - 2));
    i = j;
  }
  return out;
}

// End of the token running from before `from`: letters and digits, and joiners followed by one.
function tokenEnd(lower: string, from: number, n: number): number {
  let j = from;
  while (j < n) {
    const c = lower.charCodeAt(j);
    if (isAlnum(c)) j += 1;
    else if (isJoiner(c) && j + 1 < n && isAlnum(lower.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/** Letters and digits: ASCII, and non-ASCII outside the punctuation, symbol and surrogate blocks. */
export function isAlnum(c: number): boolean {
  if (c < 0x80) return ASCII_ALNUM[c] === 1;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !(c >= 0xfe30 && c <= 0xfe4f) && !(c >= 0xff00 && c <= 0xff0f);
}

/** Characters that join two runs of letters or digits into one token: apostrophes, period, comma. */
export function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44;
}
