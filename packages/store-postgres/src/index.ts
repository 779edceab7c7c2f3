// Public API of @newsloom/store-postgres: named exports only.

export { commitFetchResults, type FetchResultWrite } from './commit-fetch-results';
export { connectPostgresStore } from './connect-postgres-store';
export { redact as redactPostgresUrl, splitUrl as splitPostgresUrl } from './connection';
export {
  DEFAULT_POSTGRES_SCHEMA,
  isPostgresUrl,
  migratePostgresStore,
  openPostgresStore,
  type PostgresStoreOptions,
} from './open-postgres-store';
