import type { Article } from '../model/article';
import type { CoverageReport } from '../model/coverage-report';
import type { Feed } from '../model/feed';
import type { ArticleId, FeedId, OutletId, StoryId } from '../model/ids';
import type { Outlet } from '../model/outlet';
import type { PipelineState, QuarantineEntry } from '../model/pipeline-state';
import type { Story } from '../model/story';
import type { StorySummary } from '../model/story-summary';

/** What an upsert did to each record. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Filters of {@link ArticleStore.queryArticles}; results come in publication order. */
export interface ArticleQuery {
  /** Published at or after (ISO 8601 UTC). */
  since?: string;
  /** Published before (ISO 8601 UTC). */
  until?: string;
  outletId?: OutletId;
  feedId?: FeedId;
  storyId?: StoryId;
  limit?: number;
}

/** Filters of {@link ArticleStore.getStories}. */
export interface StoryQuery {
  ids?: readonly StoryId[];
  /** Stories whose `updatedAt` is at or after this time. */
  updatedSince?: string;
  limit?: number;
}

/** A page of {@link ArticleStore.readArticlesAfter}. */
export interface SequencedArticles {
  /** Articles with an ingest sequence above the one asked for, in sequence order. */
  articles: Article[];
  /** The sequence of the last article returned (the one asked for when none). */
  lastSequence: number;
}

/** An article's id and publication time: enough to order new articles before reading them. */
export interface ArticleKey {
  id: ArticleId;
  /** ISO 8601 UTC, normalised (the same instant as the article's `publishedAt`). */
  publishedAt: string;
}

/** A page of {@link ArticleStore.readArticleKeysAfter}. */
export interface SequencedArticleKeys {
  /** Keys of the articles with an ingest sequence above the one asked for, in sequence order. */
  keys: ArticleKey[];
  /** The sequence of the last key returned (the one asked for when none). */
  lastSequence: number;
}

/** What {@link ArticleStore.readPipelineRevision} returns: the stored state's head, not its content. */
export interface PipelineRevision {
  /** The stored state's `revision`. */
  revision: number;
  /** The stored state's `watermark`. */
  watermark: number;
}

/** What {@link ArticleStore.commitClusterRun} writes in one transaction. */
export interface ClusterRunCommit {
  stories: readonly Story[];
  /** The new state; its `revision` is stored as given (normally `expectedRevision + 1`). */
  state: PipelineState;
  /** The revision of the state the run read; `undefined` when there was none. */
  expectedRevision: number | undefined;
  /** Articles the clusterer could not place (upserted by article id). */
  quarantined?: readonly QuarantineEntry[];
}

/** A stored coverage snapshot. */
export interface CoverageSnapshot {
  id: number;
  createdAt: string;
  report: CoverageReport;
}

/**
 * The storage port. `@newsloom/store` implements it on SQLite and in memory; a Postgres
 * implementation can follow. Every implementation must pass `testArticleStore`.
 */
export interface ArticleStore {
  upsertOutlets(outlets: readonly Outlet[]): Promise<UpsertCounts>;
  listOutlets(): Promise<Outlet[]>;
  upsertFeeds(feeds: readonly Feed[]): Promise<UpsertCounts>;
  listFeeds(): Promise<Feed[]>;
  /**
   * Inserts new articles and updates changed ones (by id), in one transaction. Counts compare
   * with the store before the call: an id given twice is written once (its last version) and
   * its repeats count `unchanged`.
   */
  upsertArticles(articles: readonly Article[]): Promise<UpsertCounts>;
  getArticle(id: ArticleId): Promise<Article | undefined>;
  /** Streams matching articles in publication order (then id). */
  queryArticles(query?: ArticleQuery): AsyncIterable<Article>;
  upsertStories(stories: readonly Story[]): Promise<UpsertCounts>;
  getStories(query?: StoryQuery): Promise<Story[]>;
  saveSummaries(summaries: readonly StorySummary[]): Promise<UpsertCounts>;
  getSummaries(storyIds?: readonly StoryId[]): Promise<StorySummary[]>;
  saveCoverage(report: CoverageReport, createdAt: string): Promise<CoverageSnapshot>;
  getLatestCoverage(): Promise<CoverageSnapshot | undefined>;
  /**
   * Articles whose ingest sequence is above `sequence`, in sequence order, at most `limit`.
   * Every insert takes the next sequence; an update of a stored article takes a new, higher one.
   */
  readArticlesAfter(sequence: number, limit: number): Promise<SequencedArticles>;
  /**
   * {@link ArticleStore.readArticlesAfter} without the articles' content: their ids and times
   * only, cheap to read in bulk (a first run orders an archive's articles before reading them).
   */
  readArticleKeysAfter(sequence: number, limit: number): Promise<SequencedArticleKeys>;
  /** The highest ingest sequence: 0 for an empty store. */
  latestSequence(): Promise<number>;
  /** The stored articles among `ids`, in the order asked (missing ids ignored). */
  getArticlesByIds(ids: readonly ArticleId[]): Promise<Article[]>;
  /**
   * The pipeline state, validated; `undefined` when none was committed yet.
   * @throws {NewsloomError} `STORE_CORRUPT` naming the store and the fix.
   */
  loadPipelineState(): Promise<PipelineState | undefined>;
  /**
   * The revision and watermark of the stored pipeline state without reading the state itself
   * (`undefined` when none was committed): a process that keeps the state it committed last
   * in memory checks that it is still the stored one, and a lag is `latestSequence() −
   * watermark`, both at the cost of a row, not of the clusterer snapshot.
   */
  readPipelineRevision(): Promise<PipelineRevision | undefined>;
  /**
   * Upserts stories, quarantine entries and the state in one transaction, only if the stored
   * state's revision still equals `expectedRevision`; otherwise writes nothing.
   * @throws {NewsloomError} `STATE_CONFLICT` when another run committed first (reload, retry).
   */
  commitClusterRun(run: ClusterRunCommit): Promise<UpsertCounts>;
  /** Quarantined articles, in article id order. */
  listQuarantined(): Promise<QuarantineEntry[]>;
  close(): Promise<void>;
}
