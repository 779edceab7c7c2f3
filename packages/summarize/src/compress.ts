import { isStopword } from '@newsloom/text';
import { isCut } from './headline-rules';
import {
  endsInPause,
  hasOpenQuote,
  letterForm,
  opensQuote,
  verbForm,
  withoutTrailingPunctuation,
  wordCount,
} from './word-scans';

// Hedge-Trimmer-style sentence compression for headlines: keep subject, main verb, object and
// key modifiers; drop datelines, attributions, hedges, time expressions, quotes and asides.

const DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const TIME_EXPRESSIONS = [
  new RegExp(
    `,?\\s+(?:on|late|early)\\s+(?:${DAYS}|${MONTHS}\\s+\\d{1,2})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
    'gu',
  ),
  new RegExp(`,?\\s+(?:last|this|on|next)\\s+(?:week|month|year|weekend|${DAYS})\\b(?!['’])`, 'gu'),
  new RegExp(`^(?:On\\s+)?${DAYS},?\\s+`, 'u'),
  /,?\s+(?:yesterday|today|tonight|earlier this (?:week|month|year)|so far)\b(?!['’])/gu,
];
/** Reporting verbs whose clause is attribution, not news. */
const SAID =
  '(?:said|says|announced|reported|told\\s+[\\p{L}\\s]{1,30}?|wrote|tweeted|claimed|added|confirmed|according to [^,]+)';
/** Reporting verbs that open an attribution ("Officials said the …"), not news of their own. */
const LEAD_SAID = '(?:said|says|told\\s+[\\p{L}\\s]{1,30}?|wrote|tweeted|claimed|added)';
const HEDGES =
  /\b(?:reportedly|allegedly|apparently|reports say|it (?:is|was) reported that|sources say)\s*,?\s*/giu;
/** Subordinate clauses a headline can lose when it is too long ("…, after …", "…, which …"). */
const TRAILING_CLAUSE =
  /(?:,|\s[—–]|;)\s+(?:which|who|whose|where|while|as|after|amid|despite|with|according|saying|citing|in a|in an|marking|following|but|and)\b.*$/u;
const INLINE_TRAILING = /\s+(?:amid|despite|according to|saying that|citing)\s.*$/u;

/** A leading subordinate or prepositional phrase ("When …, ", "According to …, "). */
const LEADING_PHRASE =
  /^(?:When|While|After|Before|During|In|On|As|Amid|Despite|Following|Since|Although|Though|With|Under|According to|Earlier|Later|Last)\b[^,"“]{2,90},\s+(?=[\p{L}])/u;

/** "Officials said (that) …" at the start of a sentence. */
const LEAD_ATTRIBUTION = new RegExp(
  `^(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){1,5}(?:${LEAD_SAID})\\s+(?:on\\s+\\w+\\s+)?(?:that\\s+)?(?=[\\p{L}])`,
  'u',
);
/** "…, officials said on Tuesday." at the end. */
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s+(?:[\\p{L}.'’-]+\\s+){0,6}?(?:${SAID})(?:\\s+[\\p{L}'’-]+){0,4}\\s*$`,
  'u',
);
/** "…, said Mayor Ellen Ruiz." at the end. */
const TRAILING_SAID = new RegExp(`,\\s+(?:${SAID})\\s+(?:[\\p{L}.'’-]+\\s*){1,6}$`, 'u');

/** Removes one attribution: "X said (that) …" at the start, ", X said." at the end. */
function dropAttribution(text: string): string {
  const leadMatch = LEAD_ATTRIBUTION.exec(text);
  if (leadMatch && text.length - leadMatch[0].length > 30) {
    const rest = text.slice(leadMatch[0].length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return text.replace(TRAILING_ATTRIBUTION, '').replace(TRAILING_SAID, '');
}

/** Removes parenthetical asides and appositives ("…, the city's mayor, …"). */
function dropAsides(text: string): string {
  let out = text;
  if (out.includes('(')) out = out.replace(/\s*\([^)]{0,80}\)/gu, '');
  if (out.includes('[')) out = out.replace(/\s*\[[^\]]{0,80}\]/gu, '');
  return out.includes(',') ? out.replace(/,\s+(?:the|a|an)\s+[^,]{3,50}?,\s+/u, ' ') : out;
}

/** Runs of white space as one space, trimmed (no regex pass when there is none to collapse). */
function collapseSpaces(text: string): string {
  return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

// Cheap tests first: the patterns below are scanned only when a word they need occurs.
/** Any reporting verb an attribution needs. */
const REPORTING =
  /\b(?:said|says|announced|reported|told|wrote|tweeted|claimed|added|confirmed|according)\b/u;
const HEDGE_HINT = /report|alleged|apparent|sources say/iu;
/** Any word a time expression needs (day and month names, week, year, today…). */
const TIME_HINT =
  /day|week|month|year|tonight|so far|Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sep|Oct|Nov|Dec/u;

/**
 * Compresses a sentence toward a headline of at most `maxWords` words: strips attribution,
 * hedges, time expressions and asides, then trailing subordinate clauses while it is too long.
 * Returns the compressed text without a final stop; `undefined` when nothing sound is left.
 *
 * @example
 * ```ts
 * compressSentence('The council approved the budget on Tuesday, officials said.', 14);
 * // 'The council approved the budget'
 * ```
 */
export function compressSentence(sentence: string, maxWords: number): string | undefined {
  // One memo per length, keyed by the sentence itself: a joined "length + sentence" key would
  // be a fresh string to build and hash on every call.
  let recent = recentByLength.get(maxWords);
  if (recent === undefined) {
    if (recentByLength.size >= 8) recentByLength.clear();
    recent = new Map();
    recentByLength.set(maxWords, recent);
  }
  const hit = recent.get(sentence);
  if (hit !== undefined) return hit ?? undefined;
  const out = compress(sentence, maxWords);
  if (recent.size >= RECENT_LIMIT) recent.clear();
  recent.set(sentence, out ?? null);
  return out;
}

// A story compresses its titles and lead sentences for the headline and again for section
// titles: the last few hundred results of each length are kept (one story's worth; no growth on
// a long run). Callers use two lengths; the outer map is bounded all the same.
const RECENT_LIMIT = 256;
const recentByLength = new Map<number, Map<string, string | null>>();

function compress(sentence: string, maxWords: number): string | undefined {
  const start = trimmed(sentence);
  if (start === undefined) return undefined;
  let text = start;
  // Each text's word count is taken once: the loop and the checks below reuse it.
  let words = wordCount(text);
  for (let i = 0; i < 3 && words > maxWords; i += 1) {
    const cut = text.replace(TRAILING_CLAUSE, '');
    if (cut === text) break;
    const cutWords = wordCount(cut);
    if (cutWords < 5) break;
    text = cut;
    words = cutWords;
  }
  if (words > maxWords) {
    const cut = text.replace(INLINE_TRAILING, '');
    const cutWords = wordCount(cut);
    if (cutWords >= 5) {
      text = cut;
      words = cutWords;
    }
  }
  const bare = withoutTrailingPunctuation(text).trim();
  if (bare !== text) words = wordCount(bare);
  return words >= 4 && words <= maxWords + 4 ? bare : undefined;
}

const recentTrims = new Map<string, string | null>();

/** The sentence trimmed at any length (shared by both headline lengths and section titles). */
function trimmed(sentence: string): string | undefined {
  const hit = recentTrims.get(sentence);
  if (hit !== undefined) return hit ?? undefined;
  const out = trim(sentence);
  if (recentTrims.size >= RECENT_LIMIT) recentTrims.clear();
  recentTrims.set(sentence, out ?? null);
  return out;
}

/** Final stop, attribution, hedges, a leading phrase, time expressions and asides off. */
function trim(sentence: string): string | undefined {
  let text = collapseSpaces(sentence).replace(/[.!]+["”’']?$/u, '');
  if (/^["“‘]/u.test(text)) return undefined;
  if (REPORTING.test(text)) text = dropAttribution(text);
  if (HEDGE_HINT.test(text)) text = text.replace(HEDGES, '');
  const lead = LEADING_PHRASE.exec(text);
  if (lead && wordCount(text.slice(lead[0].length)) >= 5) {
    const rest = text.slice(lead[0].length);
    text = rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  if (TIME_HINT.test(text))
    for (const pattern of TIME_EXPRESSIONS) text = text.replace(pattern, '');
  return collapseSpaces(dropAsides(text));
}

/** Word lists are Sets of lower-case words: a lookup, not a regex alternation, per word. */
function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

const AUXILIARY = wordSet(
  "is are was were has have had will would can could may might must shall should does did do won't can't isn't aren't wasn't weren't hasn't haven't didn't doesn't",
);
const IRREGULAR = wordSet(
  'said says told made makes took came went found gave won lost met hit led left saw sent set put cut struck fell rose ran began held kept paid sold spent stood brought bought became chose drew broke spoke wrote grew knew shot fled fought sought sank quit got ends wins hits sets cuts puts leads',
);
const DETERMINER = wordSet('the a an of its their his her this that these those to');
/** Words a clause may be cut before: prepositions, conjunctions, relatives. */
const BOUNDARY = wordSet(
  'in on at for from with without after before over under amid as by during since until while when because and but or which who that following despite against into about near than to',
);

/** True when the words from `i` on read as a clause: a participle or a finite verb. */
function opensClause(words: readonly string[], i: number): boolean {
  if (/ing$/iu.test(words[i] ?? '')) return true;
  for (let j = i; j < words.length; j += 1) if (isFiniteVerbAt(words, j, true)) return true;
  return false;
}

/** Boundary words that open a verb's object or complement rather than an adjunct. */
const OBJECT_OPENER = wordSet('that to than about for into and or but');

/** True when word `i` of `words` reads as a finite verb (an auxiliary or a -s/-ed word). */
export function isFiniteVerbAt(words: readonly string[], i: number, titleCased = false): boolean {
  const lower = verbForm(words[i] ?? '');
  if (AUXILIARY.has(lower) || (i > 0 && IRREGULAR.has(lower))) return true;
  if (i === 0 || lower.length < 4 || isStopword(lower)) return false;
  if (DETERMINER.has(letterForm(words[i - 1] ?? ''))) return false;
  if (!titleCased && /^\p{Lu}/u.test(words[i] ?? '')) return false;
  return /(?:[^su]s|ed)$/u.test(lower) && !/(?:ss|ous|ness|ics|ies|ers)$/u.test(lower);
}

/**
 * The main clause of a sentence cut to at most `maxWords` words before a preposition,
 * conjunction or comma, keeping its subject, first finite verb and at least one word after it;
 * `undefined` when no such cut leaves a complete statement.
 *
 * @example
 * ```ts
 * mainClause('Seoul pushes high-level talks with Beijing over maritime disputes this quarter', 9);
 * // 'Seoul pushes high-level talks with Beijing'
 * ```
 */
export function mainClause(text: string, maxWords: number): string | undefined {
  const words = text.split(' ').filter((w) => w !== '');
  const verb = words.findIndex((_, i) => isFiniteVerbAt(words, i));
  if (verb < 1 || verb > maxWords - 2) return undefined;
  if (words.length <= maxWords && !isCut(text)) return text;
  for (let end = Math.min(words.length - 1, maxWords); end >= verb + 2; end -= 1) {
    const next = words[end] ?? '';
    const prev = words[end - 1] ?? '';
    if (!BOUNDARY.has(next.toLowerCase()) && !endsInPause(prev) && !opensQuote(next)) continue;
    const cut = withoutTrailingPunctuation(words.slice(0, end).join(' '));
    if (!isCut(cut) && !hasOpenQuote(cut)) return cut;
  }
  return undefined;
}

/**
 * Every cut of a sentence's main clause at a preposition, conjunction or comma after its first
 * finite verb (longest first): the shorter headlines it holds ("Cuomo resigns as governor" from
 * "Cuomo resigns as governor in wake of scandal"); none that ends on a dangling word.
 *
 * @example
 * ```ts
 * clauseCuts('Senate passes infrastructure bill, sending it to the House');
 * // ['Senate passes infrastructure bill']
 * ```
 */
export function clauseCuts(text: string): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const verb = words.findIndex((_, i) => isFiniteVerbAt(words, i));
  if (verb < 1) return [];
  const out: string[] = [];
  for (let end = words.length - 1; end >= verb + 2; end -= 1) {
    const next = words[end] ?? '';
    const prev = words[end - 1] ?? '';
    if (!BOUNDARY.has(next.toLowerCase()) && !endsInPause(prev) && !opensQuote(next)) continue;
    // A verb's object or complement starts here ("claimed that …", "called for …"): keep it.
    if (end === verb + 1 || (OBJECT_OPENER.has(next.toLowerCase()) && !endsInPause(prev))) continue;
    // A comma inside a list ("Broad, Longer-Term Immunity") is no clause boundary.
    if (prev.endsWith(',') && !BOUNDARY.has(next.toLowerCase()) && !opensClause(words, end))
      continue;
    const cut = withoutTrailingPunctuation(words.slice(0, end).join(' '));
    if (!isCut(cut) && !hasOpenQuote(cut)) out.push(cut);
  }
  return out;
}
