import { stem } from './stem';
import { isStopword } from './stopwords';
import { tokenize } from './tokenize';

/**
 * Content terms of a text: its word tokens minus stop words, Porter-stemmed, in order.
 *
 * @example
 * ```ts
 * contentTerms('Jobless claims are rising'); // ['jobless', 'claim', 'rise']
 * ```
 */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (!isStopword(token)) out.push(stem(token));
  }
  return out;
}
