import type { Article } from '@newsloom/core';
import {
  createTokenRun,
  type EntityLexicon,
  simhashTokenHashes,
  type TermModel,
  type TermVector,
  type TokenLexicon,
  type TokenRun,
} from '@newsloom/text';

/** What the clusterer keeps of an article. */
export interface ArticleFeatures {
  id: string;
  time: number;
  outletId: string;
  /** Lower-cased title, for same-outlet duplicate detection. */
  titleKey: string;
  title: TermVector;
  body: TermVector;
  entities: TermVector;
  /** SimHash as two 32-bit halves. */
  hashHi: number;
  hashLo: number;
  /** Unit-length embedding of the title and lead, when the clusterer has an embedder. */
  embedding?: Float32Array;
}

/** The TF-IDF models the clusterer keeps (words and entities), and the word lexicon. */
export interface FeatureModels {
  words: TermModel;
  entities: TermModel;
  /** Tokens → word term ids (of `words`' vocabulary) and token hashes. */
  lexicon: TokenLexicon;
  /** Quick entities → entity term ids (of `entities`' vocabulary). */
  entityLexicon: EntityLexicon;
}

// Scratch (single-threaded; articleFeatures does not re-enter): the tokens of the title and the
// lead, and the term ids and token hashes handed to the models and the SimHash.
const titleRun = createTokenRun();
const leadRun = createTokenRun();
let ids = new Int32Array(1024);
let hashes = new Int32Array(1024);

/**
 * Extracts features, counting the article into the models first (so N ≥ 1). `time` is the
 * article's publication time in ms, already parsed (and checked) by the caller.
 */
export function articleFeatures(
  article: Article,
  time: number,
  models: FeatureModels,
  bodyTokens: number,
  useBigrams: boolean,
): ArticleFeatures {
  const lead = leadOf(article, bodyTokens * 8);
  const leadCount = models.lexicon.scan(lead, leadRun, bodyTokens);
  const titleCount = models.lexicon.scan(article.title, titleRun);
  const { title, body } = useBigrams
    ? withBigrams(models.words)
    : wordVectors(models.words, titleCount, leadCount);
  const entities = models.entities.addDocument(models.entityLexicon.ids(lead, 600));
  // The title and the start of the lead are enough to recognise a syndicated copy.
  const hashCount = titleCount + Math.min(64, leadCount);
  if (hashes.length < hashCount) hashes = new Int32Array(2 * hashCount);
  for (let k = 0; k < titleCount; k++) hashes[k] = titleRun.hashes[k] as number;
  for (let k = titleCount; k < hashCount; k++) hashes[k] = leadRun.hashes[k - titleCount] as number;
  const [hashHi, hashLo] = simhashTokenHashes(hashes, hashCount, 3);
  return {
    id: article.id,
    time,
    outletId: article.outletId,
    titleKey: article.title.trim().toLowerCase(),
    title,
    body,
    entities,
    hashHi,
    hashLo,
  };
}

// The body's terms are the title's content words, then the lead's; the title vector weighs the
// title's with the body already counted.
function wordVectors(words: TermModel, titleCount: number, leadCount: number) {
  if (ids.length < titleCount + leadCount) ids = new Int32Array(2 * (titleCount + leadCount));
  const titleTerms = contentIds(titleRun, titleCount, 0);
  const bodyTerms = contentIds(leadRun, leadCount, titleTerms);
  const body = words.addDocument(ids, bodyTerms);
  return { title: words.vector(ids, titleTerms), body };
}

// Copies the stop-word-free term ids of a run into `ids` from `at`; returns the new end.
function contentIds(run: TokenRun, count: number, at: number): number {
  let end = at;
  for (let k = 0; k < count; k++) {
    const term = run.terms[k] as number;
    if (term >= 0) ids[end++] = term;
  }
  return end;
}

// As wordVectors, with adjacent content-word pairs ("jobless claim", "birth rate") added to
// the title's and the lead's terms: they tell recurring topics and same-day stories on one
// subject apart more easily than single words (off by default: it lowered F1 on the dev sets).
function withBigrams(words: TermModel): { title: TermVector; body: TermVector } {
  const v = words.vocabulary;
  const titleWords = termsOf(titleRun);
  const leadWords = termsOf(leadRun);
  const titleTerms = titleWords.concat(
    bigrams(
      titleWords,
      (t) => v.term(t),
      (t) => v.id(t),
    ),
  );
  const bodyTerms = titleTerms.concat(
    leadWords,
    bigrams(
      leadWords,
      (t) => v.term(t),
      (t) => v.id(t),
    ),
  );
  const body = words.addDocument(bodyTerms);
  return { title: words.vector(titleTerms), body };
}

function termsOf(run: TokenRun): number[] {
  const out: number[] = [];
  for (let k = 0; k < run.length; k++)
    if ((run.terms[k] as number) >= 0) out.push(run.terms[k] as number);
  return out;
}

function bigrams(
  terms: readonly number[],
  term: (id: number) => string,
  id: (term: string) => number,
): number[] {
  const out: number[] = [];
  for (let i = 1; i < terms.length; i++) {
    out.push(id(`${term(terms[i - 1] as number)} ${term(terms[i] as number)}`));
  }
  return out;
}

// The first `chars` characters of summary + ' ' + text, without building the whole string first
// (slicing a concatenation flattens all of a long full text).
function leadOf(article: Article, chars: number): string {
  const head = `${article.summary ?? ''} `;
  if (head.length >= chars) return head.slice(0, chars);
  return head + (article.text ?? '').slice(0, chars - head.length);
}

/** The text an embedder sees of an article: its title and the start of its lead. */
export function embeddingText(article: Article): string {
  return `${article.title} ${leadOf(article, 300)}`;
}
