import { contentTerms, isStopword, stem } from '@newsloom/text';

/** What support checks and similarity need to know about a piece of text. */
export interface TextFeatures {
  /** Content-term counts (stop words removed, Porter-stemmed). */
  terms: Map<string, number>;
  /** Pairs of consecutive content terms ("interest rate"): concepts for coverage. */
  bigrams: Set<string>;
  /** Numbers, normalised ("1,200" → "1200"). */
  numbers: Set<string>;
  /** Each number with each of the next four content words ("42 million", "42 budget"): what it counts. */
  quantities: Set<string>;
  /** Each number with the first content word right after it: the claim a sentence makes. */
  claims: Set<string>;
  /** Stems of capitalised words that are not sentence-initial: likely named entities. */
  entities: Set<string>;
}

const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const CAPITALISED_RE = /[\p{Lu}][\p{L}'’-]+/gu;

/** Whether a term opens with an ASCII digit (a number term), without a regex call. */
function startsWithDigit(term: string): boolean {
  const c = term.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Whether the (up to) three characters before `index`, trailing white space skipped, are
 * empty or end in a sentence stop, quote, bracket or colon: `/(?:^|[.!?"“‘(:])\s*$/u` on that
 * slice, without cutting it out.
 */
function followsSentenceStart(text: string, index: number): boolean {
  const from = Math.max(0, index - 3);
  let k = index - 1;
  while (k >= from && isSpaceAt(text, k)) k -= 1;
  return k < from || OPENERS.includes(text.charAt(k));
}

const OPENERS = '.!?"“‘(:';
const SPACE_RE = /\s/u;

/** `\s` at one position: a space or a printable ASCII character decides without a regex. */
function isSpaceAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === 32) return true;
  if (c > 32 && c < 127) return false;
  return SPACE_RE.test(text.charAt(k));
}

/** A lower-case word without a final "'s" or "’s". */
function withoutPossessive(word: string): string {
  return word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word;
}

/** Normalises a number token so "1,200" and "1200" match. */
function normaliseNumber(token: string): string {
  return token.replace(/,(?=\d{3}\b)/g, '').replace(/\.0+$/, '');
}

/**
 * Content-term counts of a text, as {@link featuresOf} counts them (numbers left out), without
 * its other features: what a TF-IDF vector needs.
 *
 * @example
 * ```ts
 * termCounts('Rates rise as rates climb'); // Map { 'rate' => 2, 'rise' => 1, 'climb' => 1 }
 * ```
 */
export function termCounts(text: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const term of contentTerms(text)) {
    if (!startsWithDigit(term)) terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  return terms;
}

/**
 * Extracts content terms, term pairs, numbers and (unless `entities: false`) entity stems of a
 * text.
 *
 * @example
 * ```ts
 * featuresOf('Ghani met Biden on 5 May.').numbers; // Set {'5'}
 * ```
 */
export function featuresOf(text: string, options: { entities?: boolean } = {}): TextFeatures {
  const terms = new Map<string, number>();
  const bigrams = new Set<string>();
  let previous = '';
  for (const term of contentTerms(text)) {
    if (previous !== '') bigrams.add(`${previous} ${term}`);
    previous = term;
    if (startsWithDigit(term)) continue;
    terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  const numbers = new Set<string>();
  const quantities = new Set<string>();
  const claims = new Set<string>();
  for (const match of text.matchAll(NUMBER_RE)) {
    const number = normaliseNumber(match[0]);
    numbers.add(number);
    addQuantities(
      number,
      text.slice(match.index + match[0].length, match.index + match[0].length + 60),
      quantities,
      claims,
    );
  }
  const entities = new Set<string>();
  // Support checks only weigh the sentence's entities: documents skip this pass.
  if (options.entities === false) return { terms, bigrams, numbers, quantities, claims, entities };
  for (const match of text.matchAll(CAPITALISED_RE)) {
    // Capitalised after a sentence start, quote or colon says nothing about being a name.
    if (followsSentenceStart(text, match.index)) continue;
    const word = withoutPossessive(match[0].toLowerCase());
    if (!isStopword(word)) entities.add(stem(word));
  }
  return { terms, bigrams, numbers, quantities, claims, entities };
}

/**
 * Pairs a number with the content words after it (up to four, within the clause): all of them
 * go to `quantities`; the first, when it follows at once, is the
 * sentence's `claim` about what the number counts.
 */
function addQuantities(
  number: string,
  after: string,
  quantities: Set<string>,
  claims: Set<string>,
): void {
  if (/^[-–/]\d/u.test(after)) return; // one side of a score or range ("7-2", "2020–21")
  const clause = /^[^.;:!?,()"“”\n—–|]*/u.exec(after)?.[0]?.split(' - ')[0] ?? '';
  const words = clause
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== '')
    .slice(0, 5);
  let first = true;
  words.forEach((word, i) => {
    if (isStopword(word)) return;
    const pair = `${number} ${stem(word)}`;
    quantities.add(pair);
    if (first && i === 0) claims.add(pair);
    first = false;
  });
}

/** L2-normalised TF-IDF vector of term counts. */
export function tfidfVector(
  terms: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, count] of terms) {
    const weight = (1 + Math.log(count)) * (idf.get(term) ?? 1);
    vector.set(term, weight);
    norm += weight * weight;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [term, weight] of vector) vector.set(term, weight * scale);
  return vector;
}

/** Inverse document frequencies over a set of documents' term counts. */
export function inverseDocumentFrequencies(
  docs: readonly ReadonlyMap<string, number>[],
): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log((docs.length + 1) / (count + 1)) + 1);
  return idf;
}
