import {
  type Article,
  type ArticleQuery,
  describeZodIssues,
  IsoDateTimeSchema,
  NewsloomError,
  type SequencedArticleKeys,
  type Story,
  type StoryQuery,
  type StorySummary,
} from '@newsloom/core';
import type { MaybePromise, StoreBackend } from './backend';
import { compareStrings, searchTokens, sortableTime } from './canonical';
import { closedError } from './decode';
import { importArticlesJsonl } from './import-jsonl';
import { checkCommit } from './pipeline-state';
import { RunSchema } from './run';
import { exportArticlesCsv, exportArticlesJsonl } from './transfer';
import type { NewsloomStore } from './types';

const PAGE_SIZE = 1000;
const DEFAULT_SEARCH_LIMIT = 100;

/**
 * Wraps an engine in the async {@link NewsloomStore} API. Paging, alias resolution, input
 * checks, export and import live here once, so every engine behaves the same.
 */
export function createStoreFacade(backend: StoreBackend): NewsloomStore {
  let closed = false;
  async function run<T>(action: string, work: () => MaybePromise<T>): Promise<T> {
    if (closed) throw closedError(backend.label);
    try {
      return await work();
    } catch (thrown) {
      throw backend.toError(thrown, action);
    }
  }

  const store: NewsloomStore = {
    upsertOutlets: (outlets) => run('write outlets to', () => backend.upsertOutlets(outlets)),
    listOutlets: () => run('read outlets from', () => backend.listOutlets()),
    upsertFeeds: (feeds) => run('write feeds to', () => backend.upsertFeeds(feeds)),
    listFeeds: () => run('read feeds from', () => backend.listFeeds()),
    upsertArticles: (articles) => run('write articles to', () => upsertOnce(backend, articles)),
    getArticle: (id) => run('read an article from', () => backend.getArticle(id)),
    queryArticles: (query = {}) => streamArticles(backend, query, run),
    readArticlesAfter: (sequence, limit) =>
      run('read articles from', () => {
        checkCount(sequence, 'sequence', 0);
        checkCount(limit, 'limit', 1);
        return backend.articlesAfter(sequence, limit);
      }),
    readArticleKeysAfter: (sequence, limit) =>
      run('read articles from', () => {
        checkCount(sequence, 'sequence', 0);
        checkCount(limit, 'limit', 1);
        return articleKeysAfter(backend, sequence, limit);
      }),
    latestSequence: () => run('read the ingest sequence of', () => backend.latestSequence()),
    getArticlesByIds: (ids) => run('read articles from', () => articlesByIds(backend, ids)),
    upsertStories: (stories) => run('write stories to', () => backend.upsertStories(stories)),
    getStories: (query = {}) => run('read stories from', () => getStories(backend, query)),
    saveSummaries: (summaries) => run('write summaries to', () => backend.saveSummaries(summaries)),
    getSummaries: (storyIds) => run('read summaries from', () => getSummaries(backend, storyIds)),
    saveCoverage: async (report, createdAt) => {
      const at = checkTime(createdAt, 'createdAt');
      return run('write coverage to', () => backend.saveCoverage(report, at));
    },
    getLatestCoverage: () => run('read coverage from', () => backend.latestCoverage()),
    loadPipelineState: () => run('read the pipeline state from', () => backend.loadPipelineState()),
    readPipelineRevision: () =>
      run('read the pipeline state revision from', () => backend.pipelineRevision()),
    commitClusterRun: async (commit) => {
      const checked = checkCommit(commit);
      return run('commit a cluster run to', () => backend.commitClusterRun(checked));
    },
    listQuarantined: () => run('read quarantined articles from', () => backend.listQuarantined()),
    searchArticles: (text, options = {}) =>
      run('search', () => {
        const tokens = searchTokens(text);
        if (tokens.length === 0) return [];
        return backend.searchArticles(tokens, options.limit ?? DEFAULT_SEARCH_LIMIT);
      }),
    getStoriesChangedSince: async (since) => {
      const at = checkTime(since, 'since');
      return run('read stories from', () => backend.storiesChangedSince(at));
    },
    getStoryMembership: (id) => run('read story membership from', () => backend.membership(id)),
    saveRun: async (record) => {
      const parsed = RunSchema.safeParse(record);
      if (!parsed.success)
        throw invalid(`run ${String(record.id)}: ${describeZodIssues(parsed.error)}`);
      return run('write a run to', () => backend.saveRuns([parsed.data]));
    },
    listRuns: (options = {}) =>
      run('read runs from', async () =>
        (await backend.listRuns()).slice(0, options.limit ?? Number.POSITIVE_INFINITY),
      ),
    exportJsonl: (path, query) => exportArticlesJsonl(store, path, query ? { query } : {}),
    exportCsv: (path, query) => exportArticlesCsv(store, path, query ? { query } : {}),
    importJsonl: (path, options) => importArticlesJsonl(store, path, options),
    close: async () => {
      if (closed) return;
      closed = true;
      await backend.close();
    },
  };
  return store;
}

type Runner = <T>(action: string, work: () => MaybePromise<T>) => Promise<T>;

async function* streamArticles(
  backend: StoreBackend,
  query: ArticleQuery,
  run: Runner,
): AsyncGenerator<Article> {
  const normalised = normaliseQuery(query);
  let storyId: string | undefined;
  if (query.storyId !== undefined) {
    const requested = query.storyId;
    storyId = await run('read stories from', () => backend.resolveStory(requested));
    if (storyId === undefined) return;
  }
  let remaining = query.limit ?? Number.POSITIVE_INFINITY;
  let after: [string, string] | undefined;
  while (remaining > 0) {
    const size = Math.min(PAGE_SIZE, remaining);
    const key = after;
    const page = await run('read articles from', () =>
      backend.articlePage(normalised, storyId, key, size),
    );
    for (const article of page) yield article;
    remaining -= page.length;
    const last = page.at(-1);
    if (page.length < size || last === undefined) return;
    after = [sortableTime(last.publishedAt), last.id];
  }
}

async function articleKeysAfter(
  backend: StoreBackend,
  sequence: number,
  limit: number,
): Promise<SequencedArticleKeys> {
  if (backend.articleKeysAfter) return backend.articleKeysAfter(sequence, limit);
  const page = await backend.articlesAfter(sequence, limit);
  const keys = page.articles.map((a) => ({ id: a.id, publishedAt: sortableTime(a.publishedAt) }));
  return { keys, lastSequence: page.lastSequence };
}

/**
 * Upserts each article id once: when a batch holds an id more than once (a feed or file that
 * repeats an item), its last version is written and the repeats count as unchanged, so the
 * counts compare with the store before the call (one new article is one insert, not an insert
 * and an update).
 */
async function upsertOnce(backend: StoreBackend, articles: readonly Article[]) {
  const last = new Map<string, number>();
  for (const [index, article] of articles.entries()) last.set(article.id, index);
  if (last.size === articles.length) return backend.upsertArticles(articles);
  const unique = articles.filter((article, index) => last.get(article.id) === index);
  const counts = await backend.upsertArticles(unique);
  return { ...counts, unchanged: counts.unchanged + articles.length - unique.length };
}

async function articlesByIds(backend: StoreBackend, ids: readonly string[]): Promise<Article[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Map((await backend.articlesByIds(unique)).map((a) => [a.id as string, a]));
  return unique.flatMap((id) => found.get(id) ?? []);
}

function normaliseQuery(query: ArticleQuery): ArticleQuery {
  const result: ArticleQuery = { ...query };
  if (query.since !== undefined) result.since = checkTime(query.since, 'since');
  if (query.until !== undefined) result.until = checkTime(query.until, 'until');
  return result;
}

async function getStories(backend: StoreBackend, query: StoryQuery): Promise<Story[]> {
  const since =
    query.updatedSince === undefined ? undefined : checkTime(query.updatedSince, 'updatedSince');
  if (query.ids === undefined) return backend.storiesUpdatedSince(since, query.limit ?? -1);
  const found = new Map<string, Story>();
  for (const id of query.ids) {
    const resolved = await backend.resolveStory(id);
    const story = resolved === undefined ? undefined : await backend.getStory(resolved);
    if (story !== undefined && (since === undefined || sortableTime(story.updatedAt) >= since)) {
      found.set(story.id, story);
    }
  }
  const stories = sortByUpdatedThenId([...found.values()]);
  return stories.slice(0, query.limit ?? stories.length);
}

async function getSummaries(
  backend: StoreBackend,
  storyIds: readonly string[] | undefined,
): Promise<StorySummary[]> {
  if (storyIds === undefined) return backend.listSummaries();
  const unique = [...new Set(storyIds)].sort();
  const summaries: StorySummary[] = [];
  for (const id of unique) {
    const summary = await backend.getSummary(id);
    if (summary !== undefined) summaries.push(summary);
  }
  return summaries;
}

/**
 * Sorts by update time, then id. Each story's sortable time is computed once, not once per
 * comparison: the summarise stage asks for tens of thousands of stories by id at a time.
 */
function sortByUpdatedThenId(stories: Story[]): Story[] {
  const keyed = stories.map((story) => ({ story, time: sortableTime(story.updatedAt) }));
  keyed.sort((a, b) => compareStrings(a.time, b.time) || compareStrings(a.story.id, b.story.id));
  return keyed.map((entry) => entry.story);
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

function checkCount(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw invalid(`${field} must be a whole number ≥ ${min} (got ${value})`);
  }
}

function invalid(problem: string): NewsloomError {
  return new NewsloomError('INVALID_INPUT', `Invalid store query or record: ${problem}`);
}
