import type { Article, UpsertCounts } from '@newsloom/core';
import pg from 'pg';
import { joinSql, json, LOCKS } from './connection';
import { type ArticleOutcome, planBatch, type Row, type StoredRow } from './pg-article-plan';

/** A batch planned inside an open transaction, whose writes are still to be sent. */
export interface ArticleWrite {
  counts: UpsertCounts;
  outcomes: ArticleOutcome[];
  /**
   * The statements to send before `commitSql` (SQL with literals; empty when none), or
   * `prefix` itself, not sent yet, for an empty batch.
   */
  writeSql: string;
  /** Writes the new and changed rows under the ingest lock, numbered, then commits. */
  commitSql: string;
}

/**
 * Upserts one batch in one transaction of two round trips. Concurrent batches that share an
 * article id or URL are serialised by per-key advisory locks; the batch is decided in memory
 * from one read of the rows it touches, with the same rules as SQLite. The new and changed
 * rows are written in the same round trip as COMMIT, after the store's ingest lock, numbered
 * after the current maximum: so sequence order is commit order (a reader after sequence N never
 * misses a row committed later with a lower number), while the lock is held only for one
 * server-side statement and the commit.
 */
export async function upsertArticlesPostgres(
  pool: pg.Pool,
  schema: string,
  articles: readonly Article[],
): Promise<UpsertCounts> {
  const client = await pool.connect();
  try {
    const write = await planArticles(client, schema, articles, 'BEGIN');
    await client.query(joinSql(write.writeSql, write.commitSql));
    return write.counts;
  } catch (thrown) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw thrown;
  } finally {
    client.release();
  }
}

/**
 * Runs `prefix` (e.g. `BEGIN`), takes the batch's key locks and reads the rows it touches, in
 * one round trip (a simple-protocol query, values as escaped JSON literals), then decides the
 * batch; the caller sends `writeSql` and `commitSql` (with its own statements between).
 */
export async function planArticles(
  client: pg.ClientBase,
  schema: string,
  articles: readonly Article[],
  prefix: string,
): Promise<ArticleWrite> {
  const none = { inserted: 0, updated: 0, unchanged: 0 };
  if (articles.length === 0) {
    return { counts: none, outcomes: [], writeSql: prefix, commitSql: 'COMMIT' };
  }
  const ids = json(articles.map((a) => a.id));
  const urls = json(articles.map((a) => a.canonicalUrl));
  const results = (await client.query(
    `${prefix};
    SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(${pg.escapeLiteral(`${schema}:article`)}), k)
      FROM (SELECT DISTINCT hashtext(x) AS k FROM (SELECT json_array_elements_text(${ids}) AS x
        UNION ALL SELECT json_array_elements_text(${urls})) keys ORDER BY k) sorted) locked;
    SELECT seq, id, canonical_url, content, last_seen_at FROM articles
      WHERE id = ANY (ARRAY(SELECT json_array_elements_text(${ids})))
        OR canonical_url = ANY (ARRAY(SELECT json_array_elements_text(${urls})))`,
  )) as unknown as pg.QueryResult<StoredRow>[];
  const stored = results[results.length - 1]?.rows ?? [];
  const plan = planBatch(stored, articles, 0);
  const counts = { ...none };
  for (const outcome of plan.outcomes) counts[outcome] += 1;
  return {
    counts,
    outcomes: plan.outcomes,
    writeSql: touchSql(plan.rows),
    commitSql: sequenceAndCommit(schema, plan.rows),
  };
}

/**
 * The statements before the ingest lock: rows only seen again (their `last_seen_at`).
 */
function touchSql(rows: readonly Row[]): string {
  const touched = rows.filter((r) => r.state === 'touched');
  if (touched.length === 0) return '';
  const pairs = touched.map((r) => ({ id: r.id, last_seen_at: r.lastSeenAt }));
  return `UPDATE articles a SET last_seen_at = u.last_seen_at
    FROM json_to_recordset(${json(pairs)}) AS u(id text, last_seen_at text) WHERE a.id = u.id`;
}

/**
 * Takes the ingest lock, then writes the new and changed rows numbered after the current
 * maximum (which sees everything committed before the lock), in one statement, and commits:
 * each row is written once, with its sequence.
 */
function sequenceAndCommit(schema: string, rows: readonly Row[]): string {
  const numbered = rows
    .filter((r) => r.state === 'new' || r.state === 'changed')
    .sort((a, b) => (a.ingestSeq ?? 0) - (b.ingestSeq ?? 0));
  if (numbered.length === 0) return 'COMMIT';
  const ord = new Map(numbered.map((r, n) => [r, n + 1]));
  const recordset = (state: Row['state']) => {
    const subset = numbered.filter((r) => r.state === state);
    return `json_to_recordset(${json(records(subset, ord))}) AS u(${COLUMNS})`;
  };
  const sets = FIELDS.slice(1, -1).map((f) => `${f} = u.${f}`);
  const columns = FIELDS.slice(0, -1).join(', ');
  return `SELECT pg_advisory_xact_lock(hashtext(${pg.escapeLiteral(schema)}), ${LOCKS.ingest});
    WITH m AS (SELECT coalesce(max(ingest_seq), 0) AS m FROM articles),
    changed AS (UPDATE articles a SET ${sets.join(', ')}, search = u.search::tsvector,
        ingest_seq = m.m + u.ord
      FROM m, ${recordset('changed')} WHERE a.id = u.id RETURNING a.id)
    INSERT INTO articles (${columns}, search, ingest_seq)
      SELECT ${columns}, search::tsvector, m.m + u.ord FROM m, ${recordset('new')};
    COMMIT`;
}

const FIELDS = [
  'id',
  'canonical_url',
  'outlet_id',
  'feed_id',
  'published_at',
  'content_hash',
  'fetched_at',
  'first_seen_at',
  'last_seen_at',
  'content',
  'search',
] as const;

const COLUMNS = [...FIELDS.map((f) => `${f} text`), 'ord bigint'].join(', ');

/** The rows as JSON objects keyed by column, with their place in the batch's numbering. */
function records(rows: readonly Row[], ord: ReadonlyMap<Row, number>) {
  return rows.map((r) => ({
    id: r.id,
    canonical_url: r.canonicalUrl,
    outlet_id: r.outletId,
    feed_id: r.feedId,
    published_at: r.publishedAt,
    content_hash: r.contentHash,
    fetched_at: r.fetchedAt,
    first_seen_at: r.firstSeenAt,
    last_seen_at: r.lastSeenAt,
    content: r.content,
    search: r.search,
    ord: ord.get(r),
  }));
}
