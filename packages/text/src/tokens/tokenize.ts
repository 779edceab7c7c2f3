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
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN_RE)) {
    let token = match[0];
    if (token.endsWith("'s") || token.endsWith('’s')) token = token.slice(0, -2);
    if (token.length > 0) out.push(token);
  }
  return out;
}
