// Word tokens: runs of letters and digits, joined across inner apostrophes, periods and commas
// ("don't", "u.s", "3.5", "1,000"); possessive "'s" dropped; lower-cased. A character scanner
// rather than a Unicode regular expression: tokenizing is the hot path of streaming clustering.

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
    let j = i + 1;
    while (j < n) {
      const c = lower.charCodeAt(j);
      if (isAlnum(c)) j += 1;
      else if (isJoiner(c) && j + 1 < n && isAlnum(lower.charCodeAt(j + 1))) j += 2;
      else break;
    }
    pushToken(out, lower.slice(i, j));
    i = j;
  }
  return out;
}

function pushToken(out: string[], token: string): void {
  const possessive = token.endsWith("'s") || token.endsWith('’s');
  if (!possessive) out.push(token);
  else if (token.length > 2) out.push(token.slice(0, -2));
}

// Letters and digits: ASCII, and non-ASCII outside the punctuation, symbol and surrogate blocks.
function isAlnum(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !(c >= 0xfe30 && c <= 0xfe4f) && !(c >= 0xff00 && c <= 0xff0f);
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44;
}
