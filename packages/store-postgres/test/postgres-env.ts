// Test helpers: the test server's URL (NEWSLOOM_TEST_POSTGRES_URL; tests skip without it) and
// a fresh schema per test that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import type { NewsloomStore } from '@newsloom/store';
import pg from 'pg';
import { openPostgresStore } from '../src/index';

/** The test server, or undefined (then Postgres tests are skipped). */
export const testUrl = process.env.NEWSLOOM_TEST_POSTGRES_URL || undefined;

/** A new schema name no other test uses. */
export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A store in its own new schema; closing it drops the schema. */
export async function openTestStore(): Promise<NewsloomStore> {
  if (testUrl === undefined) throw new Error('NEWSLOOM_TEST_POSTGRES_URL is not set');
  const schema = freshSchemaName();
  const store = await openPostgresStore({ url: testUrl, schema, pool: { max: 2 } });
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}
