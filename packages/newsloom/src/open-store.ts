import { type NewsloomStore, openSqliteStore } from '@newsloom/store';
import { connectPostgresStore, isPostgresUrl } from '@newsloom/store-postgres';

/**
 * Opens the store at `location`: a `postgres://` URL opens the PostgreSQL store (connected and
 * migrated on first use), anything else is the path of a SQLite file.
 * @example
 * const local = openStore('./newsloom.db')
 * const shared = openStore('postgres://postgres@db.internal:5432/news?schema=newsloom')
 */
export function openStore(location: string): NewsloomStore {
  return isPostgresUrl(location)
    ? connectPostgresStore({ url: location })
    : openSqliteStore({ path: location });
}

export { isPostgresUrl };
