import { createStoreFacade, type NewsloomStore } from '@newsloom/store';
import { checkSchema, createPool, redact, splitUrl } from './connection';
import { toPostgresError } from './errors';
import { migratePostgres } from './migrations';
import { createPostgresBackend } from './pg-backend';

/**
 * Options of {@link openPostgresStore}.
 * @example openPostgresStore({ url: 'postgres://postgres@127.0.0.1:5432/news', schema: 'newsloom', pool: { max: 4 } })
 */
export interface PostgresStoreOptions {
  /** `postgres://user[:password]@host[:port]/database`, optionally `?schema=name`. */
  url: string;
  /** The schema holding the store's tables; created when missing. Default: the URL's `schema`
   * parameter, else `newsloom`. */
  schema?: string;
  /** Connection pool settings. Default: at most 4 connections. */
  pool?: { max?: number };
}

/** Default schema of a store. */
export const DEFAULT_POSTGRES_SCHEMA = 'newsloom';

/**
 * Opens a newsloom store in a PostgreSQL schema: creates the schema when missing and migrates
 * it to the latest version under an advisory lock (any number of processes may open it at
 * once). The store is the same facade as SQLite's — paging, alias resolution, validation,
 * import and export are shared code — and every batch write is one transaction.
 *
 * @example
 * const store = await openPostgresStore({ url: 'postgres://postgres@127.0.0.1:5432/news' })
 * await store.upsertArticles(articles)
 * const hits = await store.searchArticles('flood warning')
 * await store.close()
 * @throws {NewsloomError} `CONFIG_ERROR` (bad URL or schema name), `STORE_ERROR` (server
 *   unreachable, login refused), `STORE_TOO_NEW` (schema written by a newer version).
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<NewsloomStore> {
  const { connectionString, schema: fromUrl } = splitUrl(options.url);
  const schema = checkSchema(options.schema ?? fromUrl ?? DEFAULT_POSTGRES_SCHEMA);
  const label = postgresLabel(options.url, schema);
  const pool = createPool(connectionString, schema, options.pool?.max ?? 4);
  try {
    await migratePostgres(pool, schema, label);
  } catch (thrown) {
    await pool.end().catch(() => undefined);
    throw toPostgresError(thrown, label, 'open');
  }
  return createStoreFacade(createPostgresBackend(pool, schema, label, true));
}

/**
 * Migrates a store schema to the latest version without opening a store (`newsloom migrate`).
 * @example const version = await migratePostgresStore({ url: 'postgres://postgres@127.0.0.1/news' })
 * @returns the schema version after migrating.
 */
export async function migratePostgresStore(options: PostgresStoreOptions): Promise<number> {
  const { connectionString, schema: fromUrl } = splitUrl(options.url);
  const schema = checkSchema(options.schema ?? fromUrl ?? DEFAULT_POSTGRES_SCHEMA);
  const label = postgresLabel(options.url, schema);
  const pool = createPool(connectionString, schema, 1);
  try {
    return await migratePostgres(pool, schema, label);
  } catch (thrown) {
    throw toPostgresError(thrown, label, 'migrate');
  } finally {
    await pool.end().catch(() => undefined);
  }
}

function postgresLabel(url: string, schema: string): string {
  const { connectionString } = splitUrl(url);
  return `PostgreSQL store ${redact(connectionString)} (schema ${schema})`;
}

/**
 * True when `location` is a PostgreSQL URL rather than a file path.
 * @example isPostgresUrl('postgres://localhost/news') // true
 */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
