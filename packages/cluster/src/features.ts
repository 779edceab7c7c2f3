import type { Article } from '@newsloom/core';
import {
  isStopword,
  quickEntities,
  simhashTokens,
  stem,
  type TfIdfModel,
  tokenize,
} from '@newsloom/text';

/** What the clusterer keeps of an article. */
export interface ArticleFeatures {
  id: string;
  time: number;
  outletId: string;
  /** Lower-cased title, for same-outlet duplicate detection. */
  titleKey: string;
  title: Map<string, number>;
  body: Map<string, number>;
  entities: Map<string, number>;
  /** SimHash as two 32-bit halves. */
  hashHi: number;
  hashLo: number;
  /** Unit-length embedding of the title and lead, when the clusterer has an embedder. */
  embedding?: Float32Array;
}

/** The TF-IDF models the clusterer keeps: words and entities. */
export interface FeatureModels {
  words: TfIdfModel;
  entities: TfIdfModel;
}

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
  const leadTokens = firstOf(tokenize(lead), bodyTokens);
  const titleTokens = tokenize(article.title);
  const titleWords = stems(titleTokens, []);
  const titleTerms = useBigrams ? titleWords.concat(bigrams(titleWords)) : titleWords;
  const body = models.words.addDocument(bodyTerms(titleTerms, leadTokens, useBigrams));
  const entities = models.entities.addDocument(quickEntities(lead.slice(0, 600)));
  // The title and the start of the lead are enough to recognise a syndicated copy. (The title's
  // tokens are not needed after this: the start of the lead is appended to them in place.)
  const hashTokens = titleTokens;
  for (let i = 0; i < 64 && i < leadTokens.length; i++) hashTokens.push(leadTokens[i] as string);
  const [hashHi, hashLo] = simhashTokens(hashTokens, 3);
  return {
    id: article.id,
    time,
    outletId: article.outletId,
    titleKey: article.title.trim().toLowerCase(),
    title: models.words.vector(titleTerms),
    body,
    entities,
    hashHi,
    hashLo,
  };
}

// The first `chars` characters of summary + ' ' + text, without building the whole string first
// (slicing a concatenation flattens all of a long full text).
function leadOf(article: Article, chars: number): string {
  const head = `${article.summary ?? ''} `;
  if (head.length >= chars) return head.slice(0, chars);
  return head + (article.text ?? '').slice(0, chars - head.length);
}

// The first `n` tokens, as `tokens.slice(0, n)` gives them (no copy when all are kept).
function firstOf(tokens: string[], n: number): string[] {
  return n >= tokens.length ? tokens : tokens.slice(0, n);
}

// The body's terms: the title's, then the lead's content words (and their bigrams).
function bodyTerms(titleTerms: string[], leadTokens: readonly string[], useBigrams: boolean) {
  if (!useBigrams) return stems(leadTokens, titleTerms.slice());
  const leadWords = stems(leadTokens, []);
  return titleTerms.concat(leadWords, bigrams(leadWords));
}

// Appends the stems of the content words among `tokens` to `out`.
function stems(tokens: readonly string[], out: string[]): string[] {
  for (const token of tokens) if (!isStopword(token)) out.push(stem(token));
  return out;
}

// Adjacent content-word pairs ("jobless claim", "birth rate") make recurring topics and
// same-day stories on one subject easier to tell apart than single words.
function bigrams(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < terms.length; i++) out.push(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

/** The text an embedder sees of an article: its title and the start of its lead. */
export function embeddingText(article: Article): string {
  return `${article.title} ${leadOf(article, 300)}`;
}
