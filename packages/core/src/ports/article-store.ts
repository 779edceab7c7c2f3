import type { Article } from '../model/article';
import type { CoverageReport } from '../model/coverage-report';
import type { Feed } from '../model/feed';
import type { ArticleId, FeedId, OutletId, StoryId } from '../model/ids';
import type { Outlet } from '../model/outlet';
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
  /** Inserts new articles and updates changed ones (by id), in one transaction. */
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
  close(): Promise<void>;
}
