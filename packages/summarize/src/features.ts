import { contentTerms, isStopword, stem } from '@newsloom/text';

/** What support checks and similarity need to know about a piece of text. */
export interface TextFeatures {
  /** Content-term counts (stop words removed, Porter-stemmed). */
  terms: Map<string, number>;
  /** Pairs of consecutive content terms ("interest rate"): concepts for coverage. */
  bigrams: Set<string>;
  /** Numbers, normalised ("1,200" → "1200"). */
  numbers: Set<string>;
  /** Stems of capitalised words that are not sentence-initial: likely named entities. */
  entities: Set<string>;
}

const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
const CAPITALISED_RE = /[\p{Lu}][\p{L}'’-]+/gu;
const SENTENCE_START_BEFORE = /(?:^|[.!?"“‘(:])\s*$/u;

/** Normalises a number token so "1,200" and "1200" match. */
function normaliseNumber(token: string): string {
  return token.replace(/,(?=\d{3}\b)/g, '').replace(/\.0+$/, '');
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
    if (/^\d/.test(term)) continue;
    terms.set(term, (terms.get(term) ?? 0) + 1);
  }
  const numbers = new Set<string>();
  for (const match of text.matchAll(NUMBER_RE)) numbers.add(normaliseNumber(match[0]));
  const entities = new Set<string>();
  // Support checks only weigh the sentence's entities: documents skip this pass.
  if (options.entities === false) return { terms, bigrams, numbers, entities };
  for (const match of text.matchAll(CAPITALISED_RE)) {
    // Capitalised after a sentence start, quote or colon says nothing about being a name.
    if (SENTENCE_START_BEFORE.test(text.slice(Math.max(0, match.index - 3), match.index))) continue;
    const word = match[0].toLowerCase().replace(/['’]s$/u, '');
    if (!isStopword(word)) entities.add(stem(word));
  }
  return { terms, bigrams, numbers, entities };
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
