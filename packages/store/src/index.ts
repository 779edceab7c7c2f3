// Public API of @newsloom/store: named exports only.
export { createMemoryStore } from './memory/create-memory-store';
export { importArticlesJsonl } from './shared/import-jsonl';
export { type StoryMembership, StoryMembershipSchema } from './shared/membership';
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
