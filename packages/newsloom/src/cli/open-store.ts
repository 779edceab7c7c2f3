import { existsSync } from 'node:fs';
import { type ArticleStore, NewsloomError } from '@newsloom/core';
import { openSqliteStore } from '@newsloom/store';
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
 * Opens the configured store to read it: never creates it; `readonly` opens the file read-only
 * (for a database on read-only media or owned by another user).
 * @example const store = openStoreToRead(config.database, { readonly: true })
 * @throws {NewsloomError} `NOT_FOUND`, `CONFIG_ERROR` or a `STORE_*` code.
 */
export function openStoreToRead(database: string, options: { readonly: boolean }): ArticleStore {
  requireStore(database);
  if (isStoreUrl(database))
    throw new NewsloomError(
      'CONFIG_ERROR',
      `store ${database}: this version reads SQLite files only; give a file path with --db or "database"`,
    );
  return openSqliteStore({ path: database, readonly: options.readonly });
}
