import type {
  Article,
  ArticleQuery,
  CoverageReport,
  CoverageSnapshot,
  Feed,
  NewsloomError,
  Outlet,
  Story,
  StorySummary,
  UpsertCounts,
} from '@newsloom/core';
import type { StoryMembership } from './membership';
import type { Run } from './run';

/**
 * What an engine (SQLite, memory, later Postgres) provides: synchronous primitives over
 * normalised keys. `createStoreFacade` turns it into the async `NewsloomStore`, so every
 * engine shares the same paging, alias resolution, validation, export and import.
 * Times passed in (`since`, `after`) are already normalised by `sortableTime`.
 */
export interface StoreBackend {
  /** Names the store in error messages, e.g. `SQLite store /data/news.db`. */
  readonly label: string;
  /** Maps anything an engine throws to a NewsloomError. */
  toError(thrown: unknown, action: string): NewsloomError;
  upsertArticles(articles: readonly Article[]): UpsertCounts;
  getArticle(id: string): Article | undefined;
  /** Up to `size` matches after the `(publishedAt, id)` key `after`, in that order. */
  articlePage(
    query: ArticleQuery,
    storyId: string | undefined,
    after: [string, string] | undefined,
    size: number,
  ): Article[];
  /** Articles holding every one of `tokens` (from `searchTokens`, never empty), newest first. */
  searchArticles(tokens: readonly string[], limit: number): Article[];
  upsertStories(stories: readonly Story[]): UpsertCounts;
  /** The id a story id resolves to: itself, or the story it was merged into. */
  resolveStory(id: string): string | undefined;
  getStory(id: string): Story | undefined;
  /** `limit` -1 means no limit. */
  storiesUpdatedSince(since: string | undefined, limit: number): Story[];
  storiesChangedSince(since: string): Story[];
  membership(id: string): StoryMembership | undefined;
  upsertOutlets(outlets: readonly Outlet[]): UpsertCounts;
  listOutlets(): Outlet[];
  upsertFeeds(feeds: readonly Feed[]): UpsertCounts;
  listFeeds(): Feed[];
  saveSummaries(summaries: readonly StorySummary[]): UpsertCounts;
  getSummary(storyId: string): StorySummary | undefined;
  listSummaries(): StorySummary[];
  saveCoverage(report: CoverageReport, createdAt: string): CoverageSnapshot;
  latestCoverage(): CoverageSnapshot | undefined;
  saveRuns(runs: readonly Run[]): UpsertCounts;
  listRuns(): Run[];
  close(): void;
}
