import { article, feed } from '@newsloom/store/conformance';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { commitFetchResults, openPostgresStore } from '../src/index';
import { dropSchema, freshSchemaName, testUrl } from './postgres-env';

const schema = freshSchemaName('f');
afterAll(async () => {
  if (testUrl !== undefined) await dropSchema(schema);
});

describe.skipIf(testUrl === undefined)('commitFetchResults (group commit of feed fetches)', () => {
  it('stores several fetches in one transaction, counts each, and commits the caller’s SQL with them', async () => {
    const store = await openPostgresStore({ url: testUrl ?? '', schema });
    const pool = new pg.Pool({ connectionString: testUrl, options: `-c search_path=${schema}` });
    try {
      await pool.query('CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL)');
      await pool.query('INSERT INTO jobs VALUES (1, false), (2, false)');
      const [a, b] = [
        feed('a', 'o1', { nextFetchAt: '2026-01-01T00:00:00.000Z' }),
        feed('b', 'o2'),
      ];
      const counts = await commitFetchResults(
        pool,
        schema,
        [
          { feed: a, articles: [article(1), article(2)] },
          // article 2 again (another feed carries it): stored once.
          { feed: b, articles: [article(2), article(3)] },
        ],
        'UPDATE jobs SET done = true',
      );
      expect(counts).toEqual([
        { inserted: 2, updated: 0, unchanged: 0 },
        { inserted: 1, updated: 0, unchanged: 1 },
      ]);
      expect(await store.latestSequence()).toBe(3);
      expect((await store.listFeeds()).map((f) => [f.id, f.nextFetchAt])).toEqual([
        ['a', '2026-01-01T00:00:00.000Z'],
        ['b', undefined],
      ]);
      expect((await pool.query('SELECT count(*) AS n FROM jobs WHERE done')).rows[0].n).toBe('2');
    } finally {
      await pool.end();
      await store.close();
    }
  });

  it('writes nothing when a statement of the batch fails', async () => {
    const pool = new pg.Pool({ connectionString: testUrl, options: `-c search_path=${schema}` });
    const store = await openPostgresStore({ url: testUrl ?? '', schema });
    try {
      const before = await store.latestSequence();
      const write = { feed: feed('c', 'o3'), articles: [article(10)] };
      await expect(
        commitFetchResults(pool, schema, [write], 'UPDATE no_such_table SET x = 1'),
      ).rejects.toMatchObject({ code: 'STORE_ERROR' });
      expect(await store.latestSequence()).toBe(before);
      expect((await store.listFeeds()).map((f) => f.id)).not.toContain('c');
    } finally {
      await pool.end();
      await store.close();
    }
  });
});
