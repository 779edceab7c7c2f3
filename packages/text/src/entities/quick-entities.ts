import { isStopword } from '../tokens/stopwords';

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const SENTENCE_END_RE = /[.!?:"“”]\s*$/u;

/**
 * A fast stand-in for named entities (about 1000× faster than compromise): runs of capitalised
 * words that do not start a sentence, lower-cased and joined by `_` ("Joe Biden" → `joe_biden`).
 * Possessives are dropped. Title-case headlines are skipped by the caller: pass leads and bodies.
 *
 * @example
 * ```ts
 * quickEntities('On Thursday, Joe Biden met Angela Merkel in New York.');
 * // ['thursday', 'joe_biden', 'angela_merkel', 'new_york']
 * ```
 */
export function quickEntities(text: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let previousEnd = 0;
  const flush = (): void => {
    if (run.length > 0) out.push(run.join('_'));
    run = [];
  };
  for (const match of text.matchAll(WORD_RE)) {
    const index = match.index ?? 0;
    const gap = text.slice(previousEnd, index);
    const startsSentence =
      previousEnd === 0 || SENTENCE_END_RE.test(text.slice(Math.max(0, previousEnd - 2), index));
    previousEnd = index + match[0].length;
    if (/[,;()]/.test(gap)) flush();
    const word = match[0].replace(/['’]s?$/u, '').replace(/\.$/, '');
    const first = word.charAt(0);
    const capitalised = first !== first.toLowerCase();
    if (!capitalised || startsSentence || (run.length === 0 && isStopword(word.toLowerCase()))) {
      flush();
      continue;
    }
    run.push(word.toLowerCase());
  }
  flush();
  return out;
}
