import { isStopword } from '../tokens/stopwords';

// A word and the separator before it.
const WORD_RE = /([^\p{L}\p{N}]*)([\p{L}\p{N}][\p{L}\p{N}'’.&-]*)/gu;
const SENTENCE_END_RE = /[.!?:"“”]/u;
const BREAK_RE = /[,;()]/;

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
  let previous = '';
  for (const match of text.matchAll(WORD_RE)) {
    const gap = match[1] ?? '';
    const raw = match[2] ?? '';
    const startsSentence = previous === '' || previous.endsWith('.') || SENTENCE_END_RE.test(gap);
    previous = raw;
    if (run.length > 0 && (startsSentence || BREAK_RE.test(gap))) run = flush(run, out);
    const first = raw.charAt(0);
    if (first === first.toLowerCase() || startsSentence) {
      run = flush(run, out);
      continue;
    }
    const word = raw
      .replace(/['’]s?$/u, '')
      .replace(/\.$/, '')
      .toLowerCase();
    if (run.length === 0 && isStopword(word)) continue;
    run.push(word);
  }
  flush(run, out);
  return out;
}

function flush(run: string[], out: string[]): string[] {
  if (run.length > 0) out.push(run.join('_'));
  return [];
}
