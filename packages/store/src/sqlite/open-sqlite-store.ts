import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { NewsloomError } from '@newsloom/core';
import Database from 'better-sqlite3';
import { createStoreFacade } from '../shared/create-store-facade';
import type { NewsloomStore } from '../shared/types';
import { toStoreError } from './errors';
import { migrate } from './migrations';
import { createSqliteBackend } from './sqlite-backend';

/**
 * Options of {@link openSqliteStore}.
 * @example openSqliteStore({ path: 'news.db', readonly: true, busyTimeoutMs: 1000 })
 */
export interface SqliteStoreOptions {
  /** Path of the database file; created (with its schema) when missing, unless `readonly`. */
  path: string;
  /** Open for reading only: never migrates or writes. Default: false. */
  readonly?: boolean;
  /** How long to wait for another writer's lock before failing with `STORE_LOCKED`. Default: 5000. */
  busyTimeoutMs?: number;
}

/**
 * Opens (or creates) a newsloom database in one SQLite file: WAL journal (readers never block
 * the writer), foreign keys on, a busy timeout, and the schema migrated to the latest version
 * in one transaction. Each batch write is one transaction, so a crash loses at most the batch
 * in flight, never part of one.
 *
 * @example
 * const store = openSqliteStore({ path: 'news.db' })
 * const counts = await store.upsertArticles(articles) // { inserted, updated, unchanged }
 * for await (const article of store.queryArticles({ since: '2024-01-01T00:00:00Z' })) console.log(article.title)
 * await store.close()
 * @throws {NewsloomError} `STORE_CORRUPT` (not a database, or damaged), `STORE_LOCKED` (another
 *   process holds the write lock past the timeout), `STORE_READONLY` (file or directory not
 *   writable, or a read-only open of a file needing migration), `STORE_TOO_NEW` (written by a
 *   newer version), `NOT_FOUND` (read-only open of a missing file).
 */
export function openSqliteStore(options: SqliteStoreOptions): NewsloomStore {
  const { path } = options;
  const readonly = options.readonly ?? false;
  if (readonly && path !== ':memory:' && !existsSync(path)) {
    throw new NewsloomError(
      'NOT_FOUND',
      `Cannot open ${path} read-only: the file does not exist; check the path`,
      {
        details: { path },
      },
    );
  }
  const directory = dirname(path);
  if (path !== ':memory:' && !existsSync(directory)) {
    throw new NewsloomError(
      'STORE_ERROR',
      `Cannot open ${path}: its directory ${directory} does not exist; create it first or choose another path`,
      { details: { path } },
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, {
      readonly,
      fileMustExist: readonly,
      timeout: options.busyTimeoutMs ?? 5000,
    });
    configure(db, readonly);
    migrate(db, path, { readonly });
    return createStoreFacade(createSqliteBackend(db, path));
  } catch (thrown) {
    db?.close();
    throw toStoreError(thrown, path, 'open');
  }
}

function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly) {
    // WAL lets readers run beside the one writer; NORMAL sync is durable against process
    // crashes (a committed transaction is in the WAL) and much faster than FULL.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // Touch the schema so a non-database file fails here, with a clear error.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}
