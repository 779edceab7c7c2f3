import { stem } from '../tokens/stem';
import { isStopword } from '../tokens/stopwords';

/** A key phrase with its RAKE score. */
export interface KeyPhrase {
  phrase: string;
  score: number;
}

const PHRASE_SPLIT_RE = /[.,;:!?()[\]{}"“”\n\u2013\u2014]+/u;
const WORD_RE = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/**
 * Key phrases of a text by RAKE (Rose et al. 2010): candidate phrases are runs of content words
 * between stop words and punctuation; a word scores degree / frequency; a phrase the sum of its
 * words. Phrases are lower-cased, de-duplicated by stem and returned best first.
 *
 * @example
 * ```ts
 * keyPhrases('Weekly jobless claims fell to a pandemic low, the Labor Department said.', 2);
 * // [{ phrase: 'weekly jobless claims', … }, { phrase: 'pandemic low', … }]
 * ```
 */
export function keyPhrases(text: string, limit = 10): KeyPhrase[] {
  const candidates = candidatePhrases(text);
  const frequency = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const words of candidates) {
    for (const word of words) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
      degree.set(word, (degree.get(word) ?? 0) + words.length);
    }
  }
  const best = new Map<string, KeyPhrase>();
  for (const words of candidates) {
    const score = words.reduce((sum, w) => sum + (degree.get(w) ?? 0) / (frequency.get(w) ?? 1), 0);
    const key = words.map(stem).join(' ');
    const known = best.get(key);
    if (!known || score > known.score) best.set(key, { phrase: words.join(' '), score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, limit);
}

function candidatePhrases(text: string): string[][] {
  const phrases: string[][] = [];
  for (const part of text.toLowerCase().split(PHRASE_SPLIT_RE)) {
    let run: string[] = [];
    for (const match of part.matchAll(WORD_RE)) {
      const word = match[0].replace(/['’]s$/u, '');
      if (isStopword(word) || /^\d+$/.test(word)) {
        if (run.length > 0) phrases.push(run);
        run = [];
      } else if (run.length < 4) {
        run.push(word);
      }
    }
    if (run.length > 0) phrases.push(run);
  }
  return phrases;
}
