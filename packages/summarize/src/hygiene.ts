// Boilerplate and unsafe-sentence filters for extractive summaries.

const DATELINE_PATTERNS = [
  // "WASHINGTON (AP) — ", "LONDON, Jan 5 (Reuters) - ", "KYIV, Ukraine (CNN) — "
  /^[\p{Lu}][\p{L}.' -]*(?:,\s*[\p{L}.' ]+)*(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([\p{L}\p{N}. &/]+\)\s*[—–-]{1,2}\s*/u,
  // "WASHINGTON — ", "NEW YORK, N.Y. -- "
  /^[\p{Lu}][\p{Lu}.' -]{2,}(?:,\s*[\p{L}.' ]+)?\s*[—–]\s*/u,
  /^[\p{Lu}][\p{Lu}.' ]{2,}(?:,\s*[\p{L}.' ]+)?\s+-{1,2}\s+/u,
  // "Washington — ", "San Juan, Puerto Rico — "
  /^[\p{Lu}][\p{L}.']+(?:\s[\p{Lu}][\p{L}.']+){0,2}(?:,\s*[\p{Lu}][\p{L}.']+(?:\s[\p{Lu}][\p{L}.']+)?)?\s+[—–]\s+(?=[\p{Lu}"“])/u,
];

const BOILERPLATE = [
  /^by\s+[\p{Lu}][\p{L}.'-]+(?:\s+[\p{Lu}][\p{L}.'-]+){0,3}(?:\s*(?:,|and)\s*[\p{Lu}][\p{L}. '-]*)*$/iu,
  /^by\s+[\p{Lu}][\p{L}.'-]+\s+[\p{Lu}][\p{L}.'-]+\s*[|,–—-]/u,
  /\b(?:photo|image|picture|video)\s*(?:credit)?\s*:/i,
  /\b(?:getty images|ap photo|afp via getty|reuters\/|shutterstock|file photo)\b/i,
  /\b(?:read more|sign up|subscribe|click here|follow us|newsletter|advertisement|all rights reserved|copyright|cookie|share this|watch:|listen:|related:|tap here|download the app)\b/i,
  /^(?:updated|published|posted|last updated)\b/i,
  /(?:https?:\/\/|www\.)/i,
  /@\w{2,}/,
];

const PRONOUN_START =
  /^(?:he|she|it|they|them|his|her|hers|its|their|theirs|this|that|these|those|him|such|both|the two)\b/i;
const CONNECTIVE_START =
  /^(?:but|and|or|so|also|however|meanwhile|still|yet|instead|then|thus|therefore)\b/i;
/** Phrases whose meaning lies outside the sentence: the text around it, a picture, a video. */
const CONTEXT_DEPENDENT =
  /\b(?:what happened next|as (?:mentioned|noted|discussed|shown|seen|described) (?:above|below|earlier|before|previously)|(?:the|see) (?:above|below)|the following|more on (?:that|this) (?:below|later)|in this (?:article|piece|story|post|video|photo|picture|image)|(?:this|that) is (?:important|significant|why|how) because|pictured (?:above|below|here)|shown here|(?:above|below) (?:is|are)|for (?:these|those) reasons)\b/iu;

const SECOND_PERSON = /\b(?:you|your|yours|you're|you'll|we'll tell)\b/i;

/**
 * Removes a leading dateline from a sentence span and returns the new start offset.
 *
 * @example
 * ```ts
 * stripDateline('WASHINGTON (AP) — Congress voted.'); // 18
 * ```
 */
export function stripDateline(sentence: string): number {
  // A dateline is short and ends in a dash: skip the patterns (and their backtracking) otherwise.
  const head = sentence.slice(0, 80);
  if (!/[—–]|\s-{1,2}\s/u.test(head)) return 0;
  for (const pattern of DATELINE_PATTERNS) {
    const match = pattern.exec(head);
    if (match && match[0].length < sentence.length - 10) return match[0].length;
  }
  return 0;
}

/** True for bylines, photo credits, calls to action and other non-news boilerplate. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(sentence));
}

/** True when a sentence was cut off ("…" or "..." at its end) by a snippet limit. */
function isTruncated(sentence: string): boolean {
  return /(?:\.\.\.|…)["'”’)\]]*$/u.test(sentence.trimEnd());
}

/** True for questions and sentences addressing the reader. */
export function isReaderQuestion(sentence: string): boolean {
  // "You" inside a quotation is someone speaking, not the article addressing its reader.
  const unquoted = sentence.replace(/“[^”]*”|"[^"]*"/gu, ' ');
  return /\?["'”’)\]]*$/u.test(sentence) || SECOND_PERSON.test(unquoted);
}

/** True when a sentence starts with a pronoun or connective that needs an antecedent. */
export function needsAntecedent(sentence: string): boolean {
  const bare = sentence.replace(/^["'“‘(]+/u, '');
  return PRONOUN_START.test(bare) || CONNECTIVE_START.test(bare);
}

/** True when quotation marks in the sentence are unbalanced (a quote cut by the splitter). */
export function hasUnbalancedQuotes(sentence: string): boolean {
  const open = (sentence.match(/“/g) ?? []).length;
  const close = (sentence.match(/”/g) ?? []).length;
  const straight = (sentence.match(/"/g) ?? []).length;
  return open !== close || straight % 2 === 1;
}

const SPACE_RE = /\s/;

/**
 * How many pieces `text.split(/\s+/)` gives (empty ends included), counted without the array:
 * one more than the runs of white space. ASCII decides without a regex.
 */
export function splitWordCount(text: string): number {
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_RE.test(text.charAt(i)));
    if (space && !inSpace) count += 1;
    inSpace = space;
  }
  return count;
}

/**
 * Why a sentence may not appear in a summary, or `undefined` when it may. With
 * `allowDependent`, a sentence opening with a pronoun or connective passes: the caller keeps it
 * only right after the sentence it depends on.
 *
 * @example
 * ```ts
 * rejectReason('Read more: our live blog.'); // 'boilerplate'
 * ```
 */
export function rejectReason(
  sentence: string,
  options: { allowDependent?: boolean } = {},
): string | undefined {
  const words = splitWordCount(sentence);
  if (words < 6) return 'too-short';
  if (words > 60) return 'too-long';
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(sentence)) return 'fragment';
  if (isTruncated(sentence)) return 'truncated';
  if (isReaderQuestion(sentence)) return 'question';
  if (isBoilerplate(sentence)) return 'boilerplate';
  if (CONTEXT_DEPENDENT.test(sentence) || /:["'”’)]?$/u.test(sentence)) return 'context-dependent';
  if (hasUnbalancedQuotes(sentence)) return 'unbalanced-quote';
  if (!options.allowDependent && needsAntecedent(sentence)) return 'orphan-pronoun';
  if (!/[.!"'”’)]$/u.test(sentence)) return 'no-terminator';
  return undefined;
}
