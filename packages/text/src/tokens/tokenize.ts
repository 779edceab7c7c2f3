// Word tokens: runs of letters and digits, joined across inner apostrophes, periods and commas
// ("don't", "u.s", "3.5", "1,000"); possessive "'s" dropped; lower-cased.
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into lower-case word tokens, in order, dropping punctuation and possessive "'s".
 *
 * @example
 * ```ts
 * tokenize("The U.S. economy's 3.5% growth"); // ['the', 'u.s', 'economy', '3.5', 'growth']
 * ```
 */
export function tokenize(text: string): string[] {
  // `match` with a global regex returns plain strings: much cheaper than `matchAll` on a hot path.
  const tokens = text.toLowerCase().match(TOKEN_RE) ?? [];
  const out: string[] = [];
  for (const token of tokens) {
    const possessive = token.endsWith("'s") || token.endsWith('’s');
    if (!possessive) out.push(token);
    else if (token.length > 2) out.push(token.slice(0, -2));
  }
  return out;
}
