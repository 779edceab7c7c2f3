import type { Article, ArticleStore, Edition, Outlet } from '@newsloom/core';
import { type AnalyzeCoverageOptions, analyzeCoverage } from '@newsloom/coverage';

function outletsFor(stored: readonly Outlet[], articles: readonly Article[]): Outlet[] {
  const byId = new Map(stored.map((o) => [o.id, o]));
  for (const a of articles) {
    if (!byId.has(a.outletId))
      byId.set(a.outletId, {
        id: a.outletId,
        name: a.outletName ?? a.outletId,
        attributes: [],
        meta: {},
      });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** What a read-only command reads: the edition of the stored stories, and the unclustered count. */
export interface StoredEdition {
  edition: Edition;
  /** Stored articles in no story yet (`newsloom cluster` or `digest` would place them). */
  unclustered: number;
}

/**
 * The edition of the stories already in the store, with coverage scored in memory. Writes
 * nothing: read-only commands (`report`, `export`, `eval`) never cluster or save.
 * @example const { edition } = await readStoredEdition(store, { minority: { attributes: ['lean'] } }, now)
 */
export async function readStoredEdition(
  store: ArticleStore,
  coverageOptions: AnalyzeCoverageOptions,
  now: string,
  rankEveryStory = false,
): Promise<StoredEdition> {
  const stories = (await store.getStories()).sort((a, b) => a.id.localeCompare(b.id));
  const members = new Set(stories.flatMap((s) => s.articleIds));
  const articles: Article[] = [];
  let unclustered = 0;
  for await (const article of store.queryArticles()) {
    if (members.has(article.id)) articles.push(article);
    else unclustered += 1;
  }
  const outlets = outletsFor(await store.listOutlets(), articles);
  const options =
    rankEveryStory && stories.length > 0
      ? {
          ...coverageOptions,
          topHeadlines: { ...coverageOptions.topHeadlines, limit: stories.length },
        }
      : coverageOptions;
  const coverage = analyzeCoverage({ articles, stories, outlets }, options);
  const summaries = await store.getSummaries(stories.map((s) => s.id));
  const edition: Edition = {
    generatedAt: now,
    title: 'newsloom',
    outlets,
    feeds: await store.listFeeds(),
    articles,
    stories,
    summaries: summaries.sort((a, b) => a.storyId.localeCompare(b.storyId)),
    coverage,
    diagnostics: [],
  };
  return { edition, unclustered };
}
