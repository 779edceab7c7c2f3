// Public API of @newsloom/store: named exports only.
export { createMemoryStore } from './memory/create-memory-store';
// For other engines (@newsloom/store-postgres): the facade, the backend port and the helpers
// every engine uses to store records the same way.
export {
  ARTICLE_COLUMNS,
  type ArticleRow,
  articlePageSql,
  decodeArticleRow,
} from './shared/article-sql';
export {
  assembleBackend,
  type EngineArticleReads,
  type EngineDocs,
  type EngineParts,
  type EnginePipelineState,
  type EngineStoryReads,
} from './shared/assemble-backend';
export type { MaybePromise, StoreBackend } from './shared/backend';
export {
  articleContent,
  canonicalJson,
  laterTime,
  searchableText,
  searchTokens,
  sortableTime,
  storyChangedAt,
} from './shared/canonical';
export { createStoreFacade } from './shared/create-store-facade';
export { decodeRow } from './shared/decode';
export {
  DOC_TABLES,
  type DocTableSpec,
  decodeCoverageRow,
  decodeDoc,
  LATEST_COVERAGE_SQL,
} from './shared/doc-tables';
export { importArticlesJsonl } from './shared/import-jsonl';
export { type StoryMembership, StoryMembershipSchema } from './shared/membership';
export { stateConflict } from './shared/pipeline-state';
export { type Run, type RunInput, RunSchema } from './shared/run';
export {
  CSV_COLUMNS,
  type ExportArticlesOptions,
  type ExportDestination,
  exportArticlesCsv,
  exportArticlesJsonl,
} from './shared/transfer';
export type {
  ImportJsonlOptions,
  ImportResult,
  ListRunsOptions,
  NewsloomStore,
  SearchOptions,
} from './shared/types';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/open-sqlite-store';
