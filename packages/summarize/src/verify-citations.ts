import type { Article, StorySummary } from '@newsloom/core';
import { wholeText } from './corpus';
import { featuresOf, type TextFeatures } from './features';
import { supportScore } from './support';

/** The check of one citation of one sentence. */
export interface CitationCheck {
  n: number;
  /** The cited source's article id, or `undefined` when `n` names no source. */
  articleId: string | undefined;
  /** Support of the sentence by that article, in [0, 1]. */
  score: number;
  supported: boolean;
}

/** The checks of one summary sentence. */
export interface SentenceCheck {
  section: number;
  sentence: number;
  text: string;
  citations: CitationCheck[];
  /** Cited at least once, and every citation supported. */
  supported: boolean;
}

/** The result of {@link verifyCitations}. */
export interface CitationReport {
  sentences: SentenceCheck[];
  sentenceCount: number;
  /** Sentences with at least one citation. */
  citedSentences: number;
  citationCount: number;
  supportedCitations: number;
  /** `supportedCitations / citationCount` (1 when there are none). */
  supportRate: number;
  /** Every sentence cited and every citation supported. */
  ok: boolean;
}

/** Options of {@link verifyCitations}. */
export interface VerifyOptions {
  /** Support a citation needs, in [0, 1] (default 0.8, as {@link summarizeStory} cites). */
  minSupport?: number;
}

/**
 * Checks every citation of a summary against the cited article's own text, independently of how
 * the summary was made: the article must contain the sentence's content words, numbers and named
 * entities (see `supportScore`). A sentence that quotes its cited article verbatim scores 1.
 *
 * @example
 * ```ts
 * const report = verifyCitations(summarizeStory(story, articles), articles);
 * report.ok; // true
 * report.supportRate; // 1
 * ```
 */
export function verifyCitations(
  summary: StorySummary,
  articles: readonly Article[],
  options: VerifyOptions = {},
): CitationReport {
  const minSupport = options.minSupport ?? 0.8;
  const byId = new Map(articles.map((a) => [a.id as string, a] as const));
  const docs = new Map<string, TextFeatures>();
  const docOf = (article: Article): TextFeatures => {
    const known = docs.get(article.id);
    if (known) return known;
    const features = featuresOf(wholeText(article), { entities: false });
    docs.set(article.id, features);
    return features;
  };
  const sentences = summary.sections.flatMap((section, s) =>
    section.sentences.map((sentence, i): SentenceCheck => {
      const features = featuresOf(sentence.text);
      const citations = sentence.citations.map((n): CitationCheck => {
        const articleId = summary.sources.find((src) => src.n === n)?.articleId;
        const article = articleId === undefined ? undefined : byId.get(articleId);
        const verbatim = article !== undefined && wholeText(article).includes(sentence.text);
        const score =
          article === undefined ? 0 : verbatim ? 1 : supportScore(features, docOf(article));
        return { n, articleId, score, supported: score >= minSupport };
      });
      const supported = citations.length > 0 && citations.every((c) => c.supported);
      return { section: s, sentence: i, text: sentence.text, citations, supported };
    }),
  );
  const citationCount = sentences.reduce((sum, s) => sum + s.citations.length, 0);
  const supportedCitations = sentences.reduce(
    (sum, s) => sum + s.citations.filter((c) => c.supported).length,
    0,
  );
  const citedSentences = sentences.filter((s) => s.citations.length > 0).length;
  return {
    sentences,
    sentenceCount: sentences.length,
    citedSentences,
    citationCount,
    supportedCitations,
    supportRate: citationCount === 0 ? 1 : supportedCitations / citationCount,
    ok: citedSentences === sentences.length && supportedCitations === citationCount,
  };
}
