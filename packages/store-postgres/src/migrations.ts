import { NewsloomError } from '@newsloom/core';
import type pg from 'pg';
import { LOCKS, lockTransaction, type Queryable, withTransaction } from './connection';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations-sql';

/** The schema version of a store schema: 0 when it has none yet. */
async function postgresSchemaVersion(db: Queryable, schema: string): Promise<number> {
  const table = await db.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
    `${schema}.schema_migrations`,
  ]);
  if (table.rows[0]?.t == null) return 0;
  const row = await db.query<{ v: number | null }>(
    `SELECT max(version) AS v FROM ${schema}.schema_migrations`,
  );
  return row.rows[0]?.v ?? 0;
}

/**
 * Brings `schema` to the latest version: creates it if needed and applies all pending steps
 * in one transaction, under a transaction-level advisory lock, so any number of processes may
 * migrate at once — the first applies the steps, the others wait and then find nothing to do.
 * @returns the schema version after migrating.
 * @throws {NewsloomError} `STORE_TOO_NEW` when the schema is newer than this code.
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string,
  label: string,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  return withTransaction(pool, async (client) => {
    await lockTransaction(client, schema, LOCKS.migrate);
    const current = await postgresSchemaVersion(client, schema);
    if (current > latest) throw tooNew(label, current, latest);
    if (current === latest) return current;
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL)',
    );
    for (const step of migrations) {
      if (step.version <= current) continue;
      await client.query(step.up);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ]);
    }
    return latest;
  });
}

function tooNew(label: string, version: number, latest: number): NewsloomError {
  return new NewsloomError(
    'STORE_TOO_NEW',
    `Cannot open ${label}: it has schema v${version}, written by a newer ` +
      `@newsloom/store-postgres, and this version knows up to v${latest}; upgrade newsloom on ` +
      'every machine (never downgrade a database)',
    { details: { version, latest } },
  );
}
