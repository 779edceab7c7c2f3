import { isStopword } from '../tokens/stopwords';

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
  // A character scanner, not regular expressions: this runs on every article of a stream.
  const out: string[] = [];
  let run: string[] = [];
  let sentenceStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isWordStart(c)) {
      if (isSentenceEnd(c)) sentenceStart = true;
      if (isSentenceEnd(c) || isBreak(c)) run = flush(run, out);
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j += 1;
    const startsSentence = sentenceStart;
    let word = text.slice(i, j);
    sentenceStart = word.endsWith('.');
    i = j;
    word = trimWord(word);
    if (startsSentence || !isCapital(word)) {
      run = flush(run, out);
      continue;
    }
    const lower = word.toLowerCase();
    if (run.length > 0 || !isStopword(lower)) run.push(lower);
  }
  flush(run, out);
  return out;
}

function trimWord(word: string): string {
  let w = word;
  while (w.endsWith('.')) w = w.slice(0, -1);
  if (w.endsWith("'s") || w.endsWith('’s')) return w.slice(0, -2);
  return w.endsWith("'") || w.endsWith('’') ? w.slice(0, -1) : w;
}

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function isWordStart(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f))
  );
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || c === 39 || c === 0x2019 || c === 46 || c === 38 || c === 45;
}

// . ! ? : and straight or curly double quotes end a sentence (or open a quotation).
function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 34 || c === 0x201c || c === 0x201d;
}

function isBreak(c: number): boolean {
  return c === 44 || c === 59 || c === 40 || c === 41;
}

function flush(run: string[], out: string[]): string[] {
  if (run.length > 0) out.push(run.join('_'));
  return [];
}
