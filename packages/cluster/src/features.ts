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
}

/** The TF-IDF models the clusterer keeps: words and entities. */
export interface FeatureModels {
  words: TfIdfModel;
  entities: TfIdfModel;
}

/** Extracts features, counting the article into the models first (so N ≥ 1). */
export function articleFeatures(
  article: Article,
  models: FeatureModels,
  bodyTokens: number,
  useBigrams: boolean,
): ArticleFeatures {
  const lead = leadOf(article, bodyTokens * 8);
  const leadTokens = tokenize(lead).slice(0, bodyTokens);
  const titleTokens = tokenize(article.title);
  const titleWords = stems(titleTokens);
  const leadWords = stems(leadTokens);
  const titleTerms = useBigrams ? titleWords.concat(bigrams(titleWords)) : titleWords;
  const bodyTerms = titleTerms.concat(leadWords, useBigrams ? bigrams(leadWords) : []);
  const entityTerms = quickEntities(lead.slice(0, 600));
  const body = models.words.addDocument(bodyTerms);
  const entities = models.entities.addDocument(entityTerms);
  // The title and the start of the lead are enough to recognise a syndicated copy.
  const [hashHi, hashLo] = simhashTokens(titleTokens.concat(leadTokens.slice(0, 64)), 3);
  return {
    id: article.id,
    time: Date.parse(article.publishedAt),
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

function stems(tokens: readonly string[]): string[] {
  const out: string[] = [];
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
