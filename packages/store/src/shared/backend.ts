import type {
  Article,
  ArticleQuery,
  ClusterRunCommit,
  CoverageReport,
  CoverageSnapshot,
  Feed,
  NewsloomError,
  Outlet,
  PipelineRevision,
  PipelineState,
  QuarantineEntry,
  SequencedArticleKeys,
  SequencedArticles,
  Story,
  StorySummary,
  UpsertCounts,
} from '@newsloom/core';
import type { StoryMembership } from './membership';
import type { Run } from './run';

/**
 * A value or a promise of it: engines over a network (Postgres) return promises, embedded
 * engines (SQLite, memory) return values directly, and the facade awaits either.
 * @example const counts: MaybePromise<UpsertCounts> = backend.upsertArticles(articles)
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * What an engine (SQLite, memory, Postgres) provides: primitives over normalised keys, each
 * returning a value or a promise. `createStoreFacade` turns it into the async `NewsloomStore`,
 * so every engine shares the same paging, alias resolution, validation, export and import.
 * Times passed in (`since`, `after`) are already normalised by `sortableTime`.
 */
export interface StoreBackend {
  /** Names the store in error messages, e.g. `SQLite store /data/news.db`. */
  readonly label: string;
  /** Maps anything an engine throws to a NewsloomError. */
  toError(thrown: unknown, action: string): NewsloomError;
  upsertArticles(articles: readonly Article[]): MaybePromise<UpsertCounts>;
  getArticle(id: string): MaybePromise<Article | undefined>;
  /** Up to `size` matches after the `(publishedAt, id)` key `after`, in that order. */
  articlePage(
    query: ArticleQuery,
    storyId: string | undefined,
    after: [string, string] | undefined,
    size: number,
  ): MaybePromise<Article[]>;
  /** Articles with an ingest sequence above `sequence`, in sequence order, at most `limit`. */
  articlesAfter(sequence: number, limit: number): MaybePromise<SequencedArticles>;
  /**
   * `articlesAfter` as ids and normalised times only. Optional: without it the facade reads
   * the articles and keeps their keys.
   */
  articleKeysAfter?(sequence: number, limit: number): MaybePromise<SequencedArticleKeys>;
  /** The highest ingest sequence, 0 when empty. */
  latestSequence(): MaybePromise<number>;
  /** The stored articles among `ids` (unique, non-empty), in any order. */
  articlesByIds(ids: readonly string[]): MaybePromise<Article[]>;
  /** Articles holding every one of `tokens` (from `searchTokens`, never empty), newest first. */
  searchArticles(tokens: readonly string[], limit: number): MaybePromise<Article[]>;
  upsertStories(stories: readonly Story[]): MaybePromise<UpsertCounts>;
  /** The id a story id resolves to: itself, or the story it was merged into. */
  resolveStory(id: string): MaybePromise<string | undefined>;
  getStory(id: string): MaybePromise<Story | undefined>;
  /** `limit` -1 means no limit. */
  storiesUpdatedSince(since: string | undefined, limit: number): MaybePromise<Story[]>;
  storiesChangedSince(since: string): MaybePromise<Story[]>;
  membership(id: string): MaybePromise<StoryMembership | undefined>;
  upsertOutlets(outlets: readonly Outlet[]): MaybePromise<UpsertCounts>;
  listOutlets(): MaybePromise<Outlet[]>;
  upsertFeeds(feeds: readonly Feed[]): MaybePromise<UpsertCounts>;
  listFeeds(): MaybePromise<Feed[]>;
  saveSummaries(summaries: readonly StorySummary[]): MaybePromise<UpsertCounts>;
  getSummary(storyId: string): MaybePromise<StorySummary | undefined>;
  listSummaries(): MaybePromise<StorySummary[]>;
  saveCoverage(report: CoverageReport, createdAt: string): MaybePromise<CoverageSnapshot>;
  latestCoverage(): MaybePromise<CoverageSnapshot | undefined>;
  saveRuns(runs: readonly Run[]): MaybePromise<UpsertCounts>;
  listRuns(): MaybePromise<Run[]>;
  /** The stored pipeline state, decoded with `PipelineStateSchema`. */
  loadPipelineState(): MaybePromise<PipelineState | undefined>;
  /** The stored state's revision and watermark, without its document. */
  pipelineRevision(): MaybePromise<PipelineRevision | undefined>;
  /**
   * One transaction: check the stored revision equals `expectedRevision` (else throw
   * `stateConflict(...)` and write nothing), upsert stories and quarantine, store the state.
   * Inputs are already validated. Returns the story counts.
   */
  commitClusterRun(run: ClusterRunCommit): MaybePromise<UpsertCounts>;
  /** Quarantine entries in article id order. */
  listQuarantined(): MaybePromise<QuarantineEntry[]>;
  close(): MaybePromise<void>;
}
