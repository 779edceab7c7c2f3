import type {
  Article,
  ArticleInput,
  ArticleQuery,
  ArticleStore,
  Diagnostic,
  Story,
  StoryId,
  UpsertCounts,
} from '@newsloom/core';
import type { StoryMembership } from './membership';
import type { Run, RunInput } from './run';

/**
 * Options of {@link NewsloomStore.searchArticles}.
 * @example await store.searchArticles('flood warning', { limit: 10 })
 */
export interface SearchOptions {
  /** At most this many results. Default: 100. */
  limit?: number;
}

/**
 * Options of {@link NewsloomStore.importJsonl}.
 * @example await store.importJsonl('articles.jsonl', { batchSize: 1000, onDiagnostic: console.warn })
 */
export interface ImportJsonlOptions {
  /** Articles per writer transaction. Default: 500. */
  batchSize?: number;
  /** Receives one diagnostic per line that is not a valid article (the line is skipped). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Called after each batch is committed, with its 0-based number and counts. */
  onBatch?: (batch: number, counts: UpsertCounts) => void;
  /** Fields every line gets unless it has them, e.g. `{ fetchedAt }`. Default: none. */
  defaults?: Partial<ArticleInput>;
  /** Register the outlets the articles name that the store does not know. Default: false. */
  registerOutlets?: boolean;
  /** Stops between batches (`ABORTED`); committed batches stay. */
  signal?: AbortSignal;
}

/**
 * What {@link NewsloomStore.importJsonl} did.
 * @example const { inserted, skipped } = await store.importJsonl('articles.jsonl')
 */
export interface ImportResult extends UpsertCounts {
  /** Lines skipped because they were not valid articles. */
  skipped: number;
  /** Articles skipped because an earlier one in the file had their canonical URL. */
  duplicateUrls: number;
  /** Batches committed. */
  batches: number;
}

/**
 * Options of {@link NewsloomStore.listRuns}.
 * @example const [latest] = await store.listRuns({ limit: 1 })
 */
export interface ListRunsOptions {
  /** At most this many runs, newest first. */
  limit?: number;
}

/**
 * The `ArticleStore` port of core plus what researchers and the pipeline need beyond it:
 * full-text search, stories changed since a time, membership history, runs, export and import.
 * `openSqliteStore` and `createMemoryStore` both return it, with identical behaviour.
 *
 * @example
 * const store: NewsloomStore = createMemoryStore()
 * await store.upsertArticles(articles)
 * const hits = await store.searchArticles('climate summit', { limit: 20 })
 * const changed = await store.getStoriesChangedSince('2024-01-01T00:00:00Z')
 * await store.exportCsv('articles.csv', { since: '2024-01-01T00:00:00Z' })
 * @throws {NewsloomError} every method: `INVALID_INPUT` for a time that is not ISO 8601 UTC,
 *   `STORE_ERROR` after `close()`, and the engine's errors (`STORE_LOCKED`, `STORE_READONLY`…).
 */
export interface NewsloomStore extends ArticleStore {
  /**
   * Articles whose title, summary or text contain every word of `query` (case- and
   * accent-insensitive, whole words), newest first (then id).
   */
  searchArticles(query: string, options?: SearchOptions): Promise<Article[]>;
  /**
   * Stories changed at or after `since`: a new article (`updatedAt`) or a merge or split
   * (`history[].at`), in order of that change time, then id.
   */
  getStoriesChangedSince(since: string): Promise<Story[]>;
  /** The current members and merge/split history of a story (an alias resolves to its story). */
  getStoryMembership(id: StoryId): Promise<StoryMembership | undefined>;
  /** Saves (inserts or replaces) the metadata of one pipeline run (an edition). */
  saveRun(run: RunInput): Promise<UpsertCounts>;
  /** Runs, newest `startedAt` first (then id). */
  listRuns(options?: ListRunsOptions): Promise<Run[]>;
  /** `exportArticlesJsonl` to a file: articles in publication order, each with its `storyId`; returns the count. */
  exportJsonl(path: string, query?: ArticleQuery): Promise<number>;
  /** `exportArticlesCsv` to a file: the one article CSV format (`CSV_COLUMNS`, with `storyId`); returns the count. */
  exportCsv(path: string, query?: ArticleQuery): Promise<number>;
  /** Imports articles from a JSON Lines file, one writer transaction per batch. */
  importJsonl(path: string, options?: ImportJsonlOptions): Promise<ImportResult>;
}
