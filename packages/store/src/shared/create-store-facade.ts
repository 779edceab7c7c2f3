import {
  type Article,
  type ArticleQuery,
  describeZodIssues,
  IsoDateTimeSchema,
  NewsloomError,
  type Story,
  type StoryQuery,
  type StorySummary,
} from '@newsloom/core';
import type { StoreBackend } from './backend';
import { compareStrings, searchTokens, sortableTime } from './canonical';
import { closedError } from './decode';
import { RunSchema } from './run';
import { exportCsv, exportJsonl, importJsonl } from './transfer';
import type { NewsloomStore } from './types';

const PAGE_SIZE = 1000;
const DEFAULT_SEARCH_LIMIT = 100;

/**
 * Wraps an engine in the async {@link NewsloomStore} API. Paging, alias resolution, input
 * checks, export and import live here once, so every engine behaves the same.
 */
export function createStoreFacade(backend: StoreBackend): NewsloomStore {
  let closed = false;
  function run<T>(action: string, work: () => T): T {
    if (closed) throw closedError(backend.label);
    try {
      return work();
    } catch (thrown) {
      throw backend.toError(thrown, action);
    }
  }

  const store: NewsloomStore = {
    upsertOutlets: async (outlets) => run('write outlets to', () => backend.upsertOutlets(outlets)),
    listOutlets: async () => run('read outlets from', () => backend.listOutlets()),
    upsertFeeds: async (feeds) => run('write feeds to', () => backend.upsertFeeds(feeds)),
    listFeeds: async () => run('read feeds from', () => backend.listFeeds()),
    upsertArticles: async (articles) =>
      run('write articles to', () => backend.upsertArticles(articles)),
    getArticle: async (id) => run('read an article from', () => backend.getArticle(id)),
    queryArticles: (query = {}) => streamArticles(backend, query, run),
    upsertStories: async (stories) => run('write stories to', () => backend.upsertStories(stories)),
    getStories: async (query = {}) => run('read stories from', () => getStories(backend, query)),
    saveSummaries: async (summaries) =>
      run('write summaries to', () => backend.saveSummaries(summaries)),
    getSummaries: async (storyIds) =>
      run('read summaries from', () => getSummaries(backend, storyIds)),
    saveCoverage: async (report, createdAt) => {
      const at = checkTime(createdAt, 'createdAt');
      return run('write coverage to', () => backend.saveCoverage(report, at));
    },
    getLatestCoverage: async () => run('read coverage from', () => backend.latestCoverage()),
    searchArticles: async (text, options = {}) =>
      run('search', () => {
        const tokens = searchTokens(text);
        if (tokens.length === 0) return [];
        return backend.searchArticles(tokens, options.limit ?? DEFAULT_SEARCH_LIMIT);
      }),
    getStoriesChangedSince: async (since) => {
      const at = checkTime(since, 'since');
      return run('read stories from', () => backend.storiesChangedSince(at));
    },
    getStoryMembership: async (id) =>
      run('read story membership from', () => backend.membership(id)),
    saveRun: async (record) => {
      const parsed = RunSchema.safeParse(record);
      if (!parsed.success)
        throw invalid(`run ${String(record.id)}: ${describeZodIssues(parsed.error)}`);
      return run('write a run to', () => backend.saveRuns([parsed.data]));
    },
    listRuns: async (options = {}) =>
      run('read runs from', () =>
        backend.listRuns().slice(0, options.limit ?? Number.POSITIVE_INFINITY),
      ),
    exportJsonl: (path, query) => exportJsonl(store, path, query),
    exportCsv: (path, query) => exportCsv(store, path, query),
    importJsonl: (path, options) => importJsonl(store, path, options),
    close: async () => {
      if (closed) return;
      closed = true;
      backend.close();
    },
  };
  return store;
}

type Runner = <T>(action: string, work: () => T) => T;

async function* streamArticles(
  backend: StoreBackend,
  query: ArticleQuery,
  run: Runner,
): AsyncGenerator<Article> {
  const normalised = normaliseQuery(query);
  let storyId: string | undefined;
  if (query.storyId !== undefined) {
    const requested = query.storyId;
    storyId = run('read stories from', () => backend.resolveStory(requested));
    if (storyId === undefined) return;
  }
  let remaining = query.limit ?? Number.POSITIVE_INFINITY;
  let after: [string, string] | undefined;
  while (remaining > 0) {
    const size = Math.min(PAGE_SIZE, remaining);
    const key = after;
    const page = run('read articles from', () =>
      backend.articlePage(normalised, storyId, key, size),
    );
    for (const article of page) yield article;
    remaining -= page.length;
    const last = page.at(-1);
    if (page.length < size || last === undefined) return;
    after = [sortableTime(last.publishedAt), last.id];
  }
}

function normaliseQuery(query: ArticleQuery): ArticleQuery {
  const result: ArticleQuery = { ...query };
  if (query.since !== undefined) result.since = checkTime(query.since, 'since');
  if (query.until !== undefined) result.until = checkTime(query.until, 'until');
  return result;
}

function getStories(backend: StoreBackend, query: StoryQuery): Story[] {
  const since =
    query.updatedSince === undefined ? undefined : checkTime(query.updatedSince, 'updatedSince');
  if (query.ids === undefined) return backend.storiesUpdatedSince(since, query.limit ?? -1);
  const found = new Map<string, Story>();
  for (const id of query.ids) {
    const resolved = backend.resolveStory(id);
    const story = resolved === undefined ? undefined : backend.getStory(resolved);
    if (story !== undefined && (since === undefined || sortableTime(story.updatedAt) >= since)) {
      found.set(story.id, story);
    }
  }
  const stories = [...found.values()].sort(byUpdatedThenId);
  return stories.slice(0, query.limit ?? stories.length);
}

function getSummaries(
  backend: StoreBackend,
  storyIds: readonly string[] | undefined,
): StorySummary[] {
  if (storyIds === undefined) return backend.listSummaries();
  const unique = [...new Set(storyIds)].sort();
  return unique.flatMap((id) => backend.getSummary(id) ?? []);
}

function byUpdatedThenId(a: Story, b: Story): number {
  return (
    compareStrings(sortableTime(a.updatedAt), sortableTime(b.updatedAt)) ||
    compareStrings(a.id, b.id)
  );
}

/** Checks and normalises an ISO 8601 UTC time given by the caller. */
function checkTime(value: string, field: string): string {
  if (!IsoDateTimeSchema.safeParse(value).success) {
    throw invalid(
      `${field} must be an ISO 8601 UTC time such as 2024-01-01T00:00:00Z (got ${JSON.stringify(value)})`,
    );
  }
  return sortableTime(value);
}

function invalid(problem: string): NewsloomError {
  return new NewsloomError('INVALID_INPUT', `Invalid store query or record: ${problem}`);
}
