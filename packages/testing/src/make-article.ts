import {
  type Article,
  type ArticleInput,
  parseArticle,
  type Story,
  type StoryInput,
  StorySchema,
} from '@newsloom/core';

let counter = 0;

/**
 * Builds a valid {@link Article} for tests. Every field can be overridden; unspecified ones get
 * deterministic values derived from a running counter (reset it with {@link resetBuilders}).
 */
export function makeArticle(overrides: Partial<ArticleInput> & { outlet?: string } = {}): Article {
  counter += 1;
  const n = counter;
  const base = {
    url: `https://example${(n % 3) + 1}.com/news/${n}`,
    title: `Article ${n}`,
    summary: `Summary of article ${n}.`,
    publishedAt: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
  };
  return parseArticle({ ...base, ...overrides });
}

/** Builds a valid {@link Story} over the given articles (ids and times taken from them). */
export function makeStory(
  articles: readonly Article[],
  overrides: Partial<StoryInput> = {},
): Story {
  const sorted = [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error('makeStory needs at least one article');
  return StorySchema.parse({
    id: `s-${first.id}`,
    articleIds: sorted.map((a) => a.id),
    createdAt: first.publishedAt,
    updatedAt: last.publishedAt,
    ...overrides,
  });
}

/** Resets the counter behind generated builder values. */
export function resetBuilders(): void {
  counter = 0;
}
