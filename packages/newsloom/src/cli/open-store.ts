import { existsSync } from 'node:fs';
import { type ArticleStore, NewsloomError } from '@newsloom/core';
import { openSqliteStore } from '@newsloom/store';
import { isPostgresUrl, openStore } from '../open-store';
import { isStoreUrl } from './config';

/**
 * Fails with a clear message, creating nothing, when the configured SQLite store does not exist
 * yet (a command that reads it has nothing to work on).
 * @throws {NewsloomError} `NOT_FOUND` naming the file and the command that creates it.
 * @example requireStore(config.database)
 */
export function requireStore(database: string): void {
  if (database === ':memory:' || isStoreUrl(database) || existsSync(database)) return;
  throw new NewsloomError(
    'NOT_FOUND',
    `no store at ${database}: ingest some feeds first ("newsloom ingest"), or point --db or the config's "database" at an existing one`,
    { details: { path: database } },
  );
}

/**
 * Opens the configured store to read it: never creates a SQLite file; `readonly` opens the file
 * read-only (for a database on read-only media or owned by another user). A `postgres://` store
 * opens as usual (reading it writes nothing).
 * @example const store = openStoreToRead(config.database, { readonly: true })
 * @throws {NewsloomError} `NOT_FOUND`, `CONFIG_ERROR` or a `STORE_*` code.
 */
export function openStoreToRead(database: string, options: { readonly: boolean }): ArticleStore {
  requireStore(database);
  if (isPostgresUrl(database)) return openStore(database);
  if (isStoreUrl(database))
    throw new NewsloomError(
      'CONFIG_ERROR',
      `store ${database}: newsloom opens SQLite files and postgres:// URLs; give one with --db or "store"`,
    );
  return openSqliteStore({ path: database, readonly: options.readonly });
}
