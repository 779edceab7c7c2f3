// The rules every generated headline keeps, one place: checked by the chooser and by the eval.

/** Longest headline a reader gets, in characters. */
export const MAX_HEADLINE_CHARS = 90;

const SMALL = new Set(
  'a an and as at but by en for from if in into nor of off on onto or per so than the to up via vs vs. with yet'.split(
    ' ',
  ),
);
const PERSON =
  /\b(?:I|[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|me|[Yy]ou|[Yy]our|[Yy]ours|[Yy]ou're|[Ww]e're|I'm)\b/u;
/** Words a complete headline does not end on: a sentence cut mid-way. */
const DANGLING = new Set(
  'a an and as at because but by for from had has have he her his if in into is its of on or our she so than that the their them they this to was were when which while who whose will with would could should'.split(
    ' ',
  ),
);

/** The headline's text outside quotation marks (a quoted "we" is someone else's voice). */
function unquoted(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)/gu, ' ');
}

function capitaliseWord(word: string): string {
  // Leave acronyms, mixed case (iPhone, McCarthy) and numbers as they are; cap each hyphen part.
  return word
    .split('-')
    .map((part) => {
      const lead = /^[^\p{L}\p{N}]*/u.exec(part)?.[0] ?? '';
      const rest = part.slice(lead.length);
      if (/\p{Lu}/u.test(rest.slice(1)) || rest === '') return part;
      return lead + rest.charAt(0).toUpperCase() + rest.slice(1);
    })
    .join('-');
}

/**
 * Title-cases a headline consistently: every word capitalised except short function words
 * ("a", "of", "to"…) that are neither first, last nor after a colon; acronyms and mixed-case
 * words (NATO, iPhone) kept.
 *
 * @example
 * ```ts
 * titleCase('council approves $42 million budget for the buses'); // 'Council Approves $42 Million Budget for the Buses'
 * ```
 */
export function titleCase(headline: string): string {
  const words = headline.split(' ');
  return words
    .map((word, i) => {
      const inner = i > 0 && i < words.length - 1 && !endsClause(words[i - 1] ?? '');
      // Plain words ("budget", "Budget") are most of a headline: no Unicode regex needed.
      if (PLAIN_WORD.test(word)) {
        const lower = word.toLowerCase();
        if (inner && SMALL.has(lower)) return lower;
        return word.charAt(0).toUpperCase() + word.slice(1);
      }
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').toLowerCase();
      const small = inner && SMALL.has(bare);
      if (small && !/\p{Lu}{2}/u.test(word)) return word.toLowerCase();
      return capitaliseWord(word);
    })
    .join(' ');
}

/** True when a word ends in a colon or dash (`/[:—–]$/u`, without the regex). */
function endsClause(word: string): boolean {
  const last = word.charAt(word.length - 1);
  return last === ':' || last === '—' || last === '–';
}

/** A lower-case word, or one capital then lower case: title-cased without Unicode classes. */
const PLAIN_WORD = /^[A-Za-z][a-z]*$/;

/** Why a headline breaks the rules (empty when it keeps them all). */
export type HeadlineProblem =
  | 'question'
  | 'person'
  | 'bare-quote'
  | 'outlet-name'
  | 'too-long'
  | 'cut'
  | 'case';

/**
 * Checks a headline against the rules: no question, no first or second person outside quotes,
 * not a bare quotation, no outlet name, at most {@link MAX_HEADLINE_CHARS} characters,
 * consistent title case, and never a sentence cut mid-way (a dangling last word or an ellipsis).
 *
 * @example
 * ```ts
 * headlineProblems('Why you should care?', []); // ['question', 'person', 'case']
 * ```
 */
export function headlineProblems(
  headline: string,
  outletNames: readonly string[] = [],
): HeadlineProblem[] {
  const problems = problemsExceptCase(headline, outletNames);
  if (titleCase(headline.trim()) !== headline.trim()) problems.push('case');
  return problems;
}

/**
 * {@link headlineProblems} without the title-case rule, for a text that will be title-cased
 * when shown (checked on its title-cased form, as a reader sees it).
 */
export function problemsExceptCase(
  headline: string,
  outletNames: readonly string[] = [],
): HeadlineProblem[] {
  const problems: HeadlineProblem[] = [];
  const text = headline.trim();
  if (text.includes('?')) problems.push('question');
  if (PERSON.test(unquoted(text))) problems.push('person');
  if (/^["“‘']/u.test(text) && unquoted(text).replace(/[^\p{L}]/gu, '').length < 12)
    problems.push('bare-quote');
  if (mentionsOutlet(text, outletNames)) problems.push('outlet-name');
  if (text.length > MAX_HEADLINE_CHARS) problems.push('too-long');
  if (isCut(text)) problems.push('cut');
  return problems;
}

/** True when a headline ends like a sentence cut mid-way (dangling word, ellipsis, comma). */
export function isCut(headline: string): boolean {
  const text = headline.trim();
  // `/(?:…|\.\.\.|[,;:—–-])$/u` by its last character: an end-anchored regex is tried from
  // every position of the text.
  const last = text.charAt(text.length - 1);
  if (last !== '' && CUT_ENDINGS.includes(last)) return true;
  if (text.endsWith('...')) return true;
  return DANGLING.has(lastWord(text).toLowerCase());
}

/** Last characters of a text cut mid-way: an ellipsis, a comma, semicolon, colon or dash. */
const CUT_ENDINGS = '…,;:—–-';

const WORD_CHAR = /[\p{L}\p{N}']/u;

/** The last word of a text (letters, digits, apostrophes), by a scan from its end. */
function lastWord(text: string): string {
  // A regex anchored at the end ("([\p{L}\p{N}']+)[^\p{L}\p{N}]*$") is tried from every
  // position, quadratic in the text: about 10 µs a headline where this takes well under one.
  let end = text.length;
  while (end > 0 && !/[\p{L}\p{N}]/u.test(text.charAt(end - 1))) end -= 1;
  while (text.charAt(end) === "'") end += 1;
  let start = end;
  while (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start, end);
}

/** True when the headline names one of the outlets (names of 3+ characters, whole words). */
function mentionsOutlet(headline: string, outletNames: readonly string[]): boolean {
  const lower = headline.toLowerCase();
  return outletNames.some((name) => {
    const n = name.trim().toLowerCase();
    if (n.length < 3) return false;
    const at = lower.indexOf(n);
    if (at < 0) return false;
    const before = lower.charAt(at - 1);
    const after = lower.charAt(at + n.length);
    return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
  });
}

/**
 * Shortens a headline that is too long at a clause boundary or a word, never leaving a dangling
 * word, and marks the cut with an ellipsis.
 *
 * @example
 * ```ts
 * shortenHeadline('A very long headline about many things, and more', 30); // 'A very long headline about…'
 * ```
 */
export function shortenHeadline(headline: string, maxLength: number): string {
  if (headline.length <= maxLength) return headline;
  const words = headline.slice(0, maxLength).split(' ');
  words.pop();
  while (words.length > 1 && isCut(words.join(' '))) words.pop();
  return `${words.join(' ').replace(/[\s,;:—–-]+$/u, '')}…`;
}
