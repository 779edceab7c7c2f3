import type { Article, Edition, Outlet, Story, StoryId } from '@newsloom/core';
import { analyzeCoverage } from '@newsloom/coverage';
import { isoNow, loadArticles, type PipelineContext } from './context';

/** Options of `Pipeline.edition`. */
export interface EditionOptions {
  /** Only stories updated at or after this time (ISO 8601 UTC). Default: every story. */
  since?: string;
}

function outletsFor(stored: readonly Outlet[], articles: readonly Article[]): Outlet[] {
  const byId = new Map(stored.map((o) => [o.id, o]));
  for (const article of articles) {
    if (byId.has(article.outletId)) continue;
    const name = article.outletName ?? article.outletId;
    byId.set(article.outletId, { id: article.outletId, name, attributes: [], meta: {} });
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

async function currentStories(
  context: PipelineContext,
  since: string | undefined,
  storyIds: readonly StoryId[] | undefined,
): Promise<Story[]> {
  const ids = storyIds ?? (await context.state.load())?.storyIds ?? [];
  if (ids.length === 0) return [];
  const stories = await context.store.getStories({ ids });
  return stories
    .filter((s) => since === undefined || s.updatedAt >= since)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Scores coverage over the current stories (`storyIds` when the caller just clustered, else
 * those of the saved state), saves the coverage snapshot and assembles the {@link Edition} the
 * digest renders.
 * @example const edition = await buildEdition(context, { since: '2024-01-01T00:00:00Z' })
 */
export async function buildEdition(
  context: PipelineContext,
  options: EditionOptions = {},
  storyIds?: readonly StoryId[],
): Promise<Edition> {
  const { store } = context;
  const stories = await currentStories(context, options.since, storyIds);
  const members = new Set(stories.flatMap((s) => s.articleIds));
  const articles = members.size === 0 ? [] : [...(await loadArticles(store, members)).values()];
  const outlets = outletsFor(await store.listOutlets(), articles);
  context.onProgress({ stage: 'coverage', done: 0, total: 1 });
  const coverage = analyzeCoverage({ articles, stories, outlets }, context.coverageOptions);
  const generatedAt = isoNow(context.clock);
  await store.saveCoverage(coverage, generatedAt);
  context.onProgress({ stage: 'coverage', done: 1, total: 1 });
  const summaries = await store.getSummaries(stories.map((s) => s.id));
  return {
    generatedAt,
    title: context.title,
    outlets,
    feeds: await store.listFeeds(),
    articles,
    stories,
    summaries: summaries.sort((a, b) => a.storyId.localeCompare(b.storyId)),
    coverage,
    diagnostics: [],
  };
}
