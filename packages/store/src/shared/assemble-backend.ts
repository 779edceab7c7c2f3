import type { Feed, Outlet, StorySummary, UpsertCounts } from '@newsloom/core';
import type { MaybePromise, StoreBackend } from './backend';
import type { Run } from './run';

/** Article reads of an engine, named as the engine's modules name them. */
export interface EngineArticleReads {
  get: StoreBackend['getArticle'];
  page: StoreBackend['articlePage'];
  after: StoreBackend['articlesAfter'];
  keysAfter: NonNullable<StoreBackend['articleKeysAfter']>;
  latestSequence: StoreBackend['latestSequence'];
  byIds: StoreBackend['articlesByIds'];
  search: StoreBackend['searchArticles'];
}

/** Story reads of an engine. */
export interface EngineStoryReads {
  resolve: StoreBackend['resolveStory'];
  getById: StoreBackend['getStory'];
  updatedSince: StoreBackend['storiesUpdatedSince'];
  changedSince: StoreBackend['storiesChangedSince'];
  membership: StoreBackend['membership'];
}

/** One doc table of an engine: upsert, list and (where the port reads by key) get. */
interface EngineDocTable<T> {
  upsert(records: readonly T[]): MaybePromise<UpsertCounts>;
  all(): MaybePromise<T[]>;
  get(key: string): MaybePromise<T | undefined>;
}

/** Outlet, feed, summary, run and coverage tables of an engine. */
export interface EngineDocs {
  outlets: Omit<EngineDocTable<Outlet>, 'get'>;
  feeds: Omit<EngineDocTable<Feed>, 'get'>;
  summaries: EngineDocTable<StorySummary>;
  runs: Omit<EngineDocTable<Run>, 'get'>;
  saveCoverage: StoreBackend['saveCoverage'];
  latestCoverage: StoreBackend['latestCoverage'];
}

/** Pipeline state of an engine. */
export interface EnginePipelineState {
  load: StoreBackend['loadPipelineState'];
  revision: StoreBackend['pipelineRevision'];
  commit: StoreBackend['commitClusterRun'];
  quarantined: StoreBackend['listQuarantined'];
}

/** What an SQL engine builds; `assembleBackend` wires it into a `StoreBackend`. */
export interface EngineParts {
  label: string;
  toError: StoreBackend['toError'];
  upsertArticles: StoreBackend['upsertArticles'];
  upsertStories: StoreBackend['upsertStories'];
  articles: EngineArticleReads;
  stories: EngineStoryReads;
  docs: EngineDocs;
  state: EnginePipelineState;
  close: StoreBackend['close'];
}

/**
 * Wires an engine's parts into the backend port, so that which part answers which port method
 * is written once for every SQL engine (SQLite here, PostgreSQL in `@newsloom/store-postgres`).
 */
export function assembleBackend(parts: EngineParts): StoreBackend {
  const { articles, stories, docs, state } = parts;
  return {
    label: parts.label,
    toError: parts.toError,
    upsertArticles: parts.upsertArticles,
    getArticle: articles.get,
    articlePage: articles.page,
    articlesAfter: articles.after,
    articleKeysAfter: articles.keysAfter,
    latestSequence: articles.latestSequence,
    articlesByIds: articles.byIds,
    searchArticles: articles.search,
    upsertStories: parts.upsertStories,
    resolveStory: stories.resolve,
    getStory: stories.getById,
    storiesUpdatedSince: stories.updatedSince,
    storiesChangedSince: stories.changedSince,
    membership: stories.membership,
    upsertOutlets: docs.outlets.upsert,
    listOutlets: docs.outlets.all,
    upsertFeeds: docs.feeds.upsert,
    listFeeds: docs.feeds.all,
    saveSummaries: docs.summaries.upsert,
    getSummary: docs.summaries.get,
    listSummaries: docs.summaries.all,
    saveCoverage: docs.saveCoverage,
    latestCoverage: docs.latestCoverage,
    saveRuns: docs.runs.upsert,
    listRuns: docs.runs.all,
    loadPipelineState: state.load,
    pipelineRevision: state.revision,
    commitClusterRun: state.commit,
    listQuarantined: state.quarantined,
    close: parts.close,
  };
}
