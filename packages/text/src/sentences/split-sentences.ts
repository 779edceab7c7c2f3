import { AMBIGUOUS_FINAL, NEVER_FINAL, SENTENCE_STARTERS } from './abbreviations';

/** A sentence of a text with its character span `[start, end)` in that text. */
export interface Sentence {
  /** The sentence, equal to `source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '«', '¿', '¡']);
const UPPER_OR_DIGIT = /[\p{Lu}\p{Lt}\p{N}]/u;
const SPACE = /\s/u;

/** The word (letters and inner periods) ending just before index `dot`. */
function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start, dot).toLowerCase();
}

/** The first word starting at `index` (after any opening quotes). */
function wordAt(text: string, index: number): string {
  const match = /^[\p{L}']+/u.exec(text.slice(index, index + 40));
  return match ? match[0].toLowerCase() : '';
}

/** True when a period ending `word` is an abbreviation's, not a sentence end, given what follows. */
function isAbbreviationPeriod(word: string, next: string): boolean {
  if (word === '') return false;
  if (NEVER_FINAL.has(word)) return true;
  // "No. 1", "Nos. 3 and 4".
  if ((word === 'no' || word === 'nos') && next === '') return true;
  // A single capital letter: an initial ("John F. Kennedy").
  if (/^\p{L}$/u.test(word)) return !SENTENCE_STARTERS.has(next);
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (AMBIGUOUS_FINAL.has(word) || dotted) return !SENTENCE_STARTERS.has(next);
  return false;
}

/**
 * Decides whether a sentence ends at the terminator run `[from, to)` (which already includes
 * closing quotes); `to` is the first whitespace after it.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  let next = to;
  while (next < text.length && SPACE.test(text[next] ?? '')) next += 1;
  if (next >= text.length) return true;
  if (/\n\s*\n/.test(text.slice(to, next))) return true;
  let first = next;
  while (first < text.length && OPENERS.has(text[first] ?? '')) first += 1;
  const firstChar = text[first] ?? '';
  if (!UPPER_OR_DIGIT.test(firstChar)) return false;
  const terminator = text[from] ?? '';
  if (terminator !== '.' || text[from + 1] === '.') return true;
  return !isAbbreviationPeriod(wordBefore(text, from), wordAt(text, first));
}

/**
 * A newline ends a sentence when a blank line follows or the next line starts like a sentence
 * (capital, digit or opening quote): paragraphs, bylines and captions are lines of their own.
 */
function isLineBreak(text: string, i: number): boolean {
  const next = /^\n\s*(\S)/u.exec(text.slice(i, i + 80));
  if (!next) return true;
  if (/^\n[^\S\n]*\n/.test(text.slice(i, i + 40))) return true;
  return UPPER_OR_DIGIT.test(next[1] ?? '') || OPENERS.has(next[1] ?? '');
}

/** Pushes the trimmed span `[start, end)` when it holds any text. */
function pushSpan(out: Sentence[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && SPACE.test(text[s] ?? '')) s += 1;
  while (e > s && SPACE.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

/**
 * Splits plain text into sentences with character spans. Handles abbreviations ("Mr.", "Gen.",
 * "Jan."), initials ("John F. Kennedy"), dotted acronyms ("U.S.", which ends a sentence only when
 * the next word usually starts one), decimals and URLs (no space after the period), closing
 * quotes after the terminator, ellipses, and line breaks (a blank line, or a new line starting
 * with a capital) as hard breaks.
 *
 * @example
 * ```ts
 * splitSentences('Mr. Smith paid $3.50 in the U.S. Army store. "Fine," he said. It rained.')
 * // → ['Mr. Smith paid $3.50 in the U.S. Army store.', '"Fine," he said.', 'It rained.'] (as .text)
 * ```
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\n' && isLineBreak(text, i)) {
      pushSpan(out, text, start, i);
      start = i;
      i += 1;
      continue;
    }
    if (!TERMINATORS.has(ch)) {
      i += 1;
      continue;
    }
    let to = i;
    while (to < text.length && (TERMINATORS.has(text[to] ?? '') || CLOSERS.has(text[to] ?? '')))
      to += 1;
    const atBreak = to >= text.length || SPACE.test(text[to] ?? '');
    if (atBreak && endsSentence(text, i, to)) {
      pushSpan(out, text, start, to);
      start = to;
    }
    i = to;
  }
  pushSpan(out, text, start, text.length);
  return out;
}
