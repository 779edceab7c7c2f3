import { isNewsloomError } from '@newsloom/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgresStore, openPostgresStore } from '../src/index';
import { dropSchema, freshSchemaName, testUrl } from './postgres-env';

const url = testUrl ?? '';
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

function fresh(): string {
  const schema = freshSchemaName('m');
  schemas.push(schema);
  return schema;
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(testUrl === undefined)('PostgreSQL migrations', () => {
  it('lets eight connections migrate one new schema at once: one applies, all agree', async () => {
    const schema = fresh();
    const versions = await Promise.all(
      Array.from({ length: 8 }, () => migratePostgresStore({ url, schema })),
    );
    expect(new Set(versions)).toEqual(new Set([3]));
    const rows = await query<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('opens a migrated schema again without changing it', async () => {
    const schema = fresh();
    const store = await openPostgresStore({ url, schema });
    await store.close();
    expect(await migratePostgresStore({ url, schema })).toBe(3);
  });

  it('refuses a schema written by a newer version', async () => {
    const schema = fresh();
    await migratePostgresStore({ url, schema });
    await query(`INSERT INTO ${schema}.schema_migrations VALUES (99, 'from the future')`);
    await expect(openPostgresStore({ url, schema })).rejects.toSatisfy((e) =>
      isNewsloomError(e, 'STORE_TOO_NEW'),
    );
  });

  it('says which setting is wrong for a bad schema name or an unreachable server', async () => {
    await expect(openPostgresStore({ url, schema: 'Bad-Name' })).rejects.toSatisfy((e) =>
      isNewsloomError(e, 'CONFIG_ERROR'),
    );
    await expect(openPostgresStore({ url: 'mysql://x/y' })).rejects.toSatisfy((e) =>
      isNewsloomError(e, 'CONFIG_ERROR'),
    );
    const closed = openPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test' });
    await expect(closed).rejects.toSatisfy(
      (e) => isNewsloomError(e, 'STORE_ERROR') && /does not answer/.test(e.message),
    );
  });
});
