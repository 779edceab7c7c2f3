import type { Article, Feed, UpsertCounts } from '@newsloom/core';
import type pg from 'pg';
import { joinSql } from './connection';
import { toPostgresError } from './errors';
import { planArticles } from './pg-article-writer';
import { createPostgresDocs } from './pg-docs';

/** What one feed fetch brings to the store. */
export interface FetchResultWrite {
  /** The feed's new state (next fetch time, validators, failures). */
  feed: Feed;
  articles: readonly Article[];
}

/**
 * Stores the results of several feed fetches in one transaction — a group commit for
 * processes that fetch many feeds at once (`newsloom worker`): all their articles as one batch
 * (the same rules and ingest order as `upsertArticles`, in the order given), the feeds' new
 * state, and `alsoSql` (statements of the caller, e.g. completing the fetch jobs of a queue in
 * the same database), so all of it commits or none. Two round trips: one takes the articles'
 * locks and reads the rows they touch, the other writes everything and commits. `pool` must be
 * one whose search path is the store's schema.
 *
 * @example
 * const counts = await commitFetchResults(pool, 'newsloom', [{ feed, articles }],
 *   "UPDATE jobs SET done = true WHERE id = 42")
 * @returns the counts of each fetch's articles, in the order given.
 * @throws {NewsloomError} `STORE_*` when the transaction fails (nothing was written).
 */
export async function commitFetchResults(
  pool: pg.Pool,
  schema: string,
  fetches: readonly FetchResultWrite[],
  alsoSql = '',
): Promise<UpsertCounts[]> {
  const label = `PostgreSQL store (schema ${schema})`;
  const client = await pool.connect().catch((thrown: unknown) => {
    throw toPostgresError(thrown, label, 'connect to');
  });
  try {
    const articles = fetches.flatMap((f) => f.articles);
    const write = await planArticles(client, schema, articles, 'BEGIN');
    // The last state of a feed fetched twice in the batch wins.
    const feeds = new Map(fetches.map((f) => [f.feed.id as string, f.feed]));
    const feedsSql = createPostgresDocs(pool).feeds.upsertDistinctSql([...feeds.values()]);
    await client.query(joinSql(write.writeSql, feedsSql, alsoSql, write.commitSql));
    let next = 0;
    return fetches.map((fetch) => {
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const end = next + fetch.articles.length;
      for (const outcome of write.outcomes.slice(next, end)) counts[outcome] += 1;
      next = end;
      return counts;
    });
  } catch (thrown) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw toPostgresError(thrown, label, 'write fetch results to');
  } finally {
    client.release();
  }
}
