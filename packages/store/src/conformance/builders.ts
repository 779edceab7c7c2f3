import {
  type Article,
  type ArticleInput,
  type CoverageReport,
  CoverageReportSchema,
  type Feed,
  FeedSchema,
  type Outlet,
  OutletSchema,
  parseArticle,
  type Story,
  type StoryInput,
  StorySchema,
  type StorySummary,
  StorySummarySchema,
} from '@newsloom/core';

/**
 * Minute `n` of 2024-01-01, as an ISO time.
 * @example minute(90) // '2024-01-01T01:30:00.000Z'
 */
export function minute(n: number): string {
  return new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString();
}

/**
 * A valid article number `n`, published at minute `n` unless overridden.
 * @example article(3, { title: 'Storm warning' })
 */
export function article(
  n: number,
  overrides: Partial<ArticleInput> & { outlet?: string } = {},
): Article {
  return parseArticle({
    url: `https://news${n % 3}.example/story/${n}`,
    outlet: `Outlet ${n % 3}`,
    title: `Headline number ${n}`,
    summary: `Summary of story ${n}.`,
    publishedAt: minute(n),
    ...overrides,
  });
}

/**
 * A story over the given articles (times from them).
 * @example story('s1', [article(1), article(2)], { keyTerms: ['storm'] })
 */
export function story(
  id: string,
  articles: readonly Article[],
  overrides: Partial<StoryInput> = {},
): Story {
  const times = articles.map((a) => a.publishedAt).sort();
  return StorySchema.parse({
    id,
    articleIds: articles.map((a) => a.id),
    createdAt: times[0],
    updatedAt: times.at(-1),
    ...overrides,
  });
}

/**
 * A valid outlet.
 * @example outlet('bbc', { group: 'BBC' })
 */
export function outlet(id: string, overrides: Partial<Outlet> = {}): Outlet {
  return OutletSchema.parse({ id, name: `Outlet ${id}`, ...overrides });
}

/**
 * A valid feed of outlet `outletId`.
 * @example feed('bbc-world', 'bbc', { etag: '"abc"' })
 */
export function feed(id: string, outletId: string, overrides: Record<string, unknown> = {}): Feed {
  return FeedSchema.parse({
    id,
    url: `https://${outletId}.example/${id}.xml`,
    outletId,
    ...overrides,
  });
}

/**
 * A minimal valid summary of story `storyId`.
 * @example summary('s1', 'Council passes budget')
 */
export function summary(storyId: string, headline: string): StorySummary {
  return StorySummarySchema.parse({
    storyId,
    headline,
    articleCount: 1,
    updatedAt: minute(10),
    sections: [],
    sources: [],
  });
}

/**
 * A minimal valid coverage report whose first headline is story `storyId`.
 * @example await store.saveCoverage(coverageReport('s1'), '2024-01-01T00:00:00Z')
 */
export function coverageReport(storyId: string): CoverageReport {
  return CoverageReportSchema.parse({
    window: {},
    topHeadlines: [{ storyId, rank: 1, score: 1, components: { breadth: 1 } }],
    minorityReports: [],
    uniqueByOutlet: [],
    matrix: [],
  });
}

/**
 * Collects an async iterable.
 * @example const all = await collect(store.queryArticles())
 */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
