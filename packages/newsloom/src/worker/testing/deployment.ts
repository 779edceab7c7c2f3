// A test deployment: a fresh store schema (and its pg-boss schema) with the feeds of a feed
// server registered, plus reads of what the workers did.
import { randomBytes } from 'node:crypto';
import type { NewsloomStore } from '@newsloom/store';
import { openPostgresStore } from '@newsloom/store-postgres';
import pg from 'pg';
import { createPipeline } from '../../pipeline/create-pipeline';
import { bossSchema } from '../queues';

/** The test server (NEWSLOOM_TEST_POSTGRES_URL), or undefined: the tests are skipped. */
export const testUrl = process.env.NEWSLOOM_TEST_POSTGRES_URL || undefined;

/**
 * A new schema with `feedUrls` registered (one outlet per host).
 * @example const deployment = await createDeployment(testUrl, server.feedUrls)
 */
export async function createDeployment(baseUrl: string, feedUrls: readonly string[]) {
  const schema = `w_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = withSchema(baseUrl, schema);
  const store = await openPostgresStore({ url, pool: { max: 2 } });
  const pipeline = createPipeline({ store });
  const addFeeds = (urls: readonly string[]) =>
    pipeline.addFeeds(
      urls.map((feed) => ({ url: feed, outlet: `Outlet ${new URL(feed).hostname}` })),
    );
  await addFeeds(feedUrls);
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  const one = async (sql: string) => Number((await client.query(sql)).rows[0]?.n ?? 0);
  return {
    schema,
    url,
    store: store as NewsloomStore,
    /** Registers more feeds (one outlet per host), due at once. */
    addFeeds,
    /** Feeds fetched at least once. */
    fetchedFeeds: () =>
      one(`SELECT count(*) AS n FROM ${schema}.feeds WHERE next_fetch_at IS NOT NULL`),
    /** [rows, distinct ids, distinct canonical URLs] of the articles table. */
    async articleCounts(): Promise<[number, number, number]> {
      const row = (
        await client.query(
          `SELECT count(*) AS n, count(DISTINCT id) AS i, count(DISTINCT canonical_url) AS u
           FROM ${schema}.articles`,
        )
      ).rows[0];
      return [Number(row?.n), Number(row?.i), Number(row?.u)];
    },
    async drop(): Promise<void> {
      await store.close();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${bossSchema(schema)} CASCADE`);
      await client.end();
    },
  };
}

/** A test deployment. */
export type Deployment = Awaited<ReturnType<typeof createDeployment>>;

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/** Polls `check` every 200 ms until it returns true (or fails after `timeoutMs`). */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
