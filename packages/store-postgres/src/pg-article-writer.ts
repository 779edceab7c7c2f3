import type { Article, UpsertCounts } from '@newsloom/core';
import {
  articleContent,
  laterTime,
  searchableText,
  searchTokens,
  sortableTime,
} from '@newsloom/store';
import type pg from 'pg';
import { LOCKS } from './connection';

/** One article row as the batch leaves it. */
interface Row {
  seq: string | undefined;
  id: string;
  canonicalUrl: string;
  outletId: string;
  feedId: string | null;
  publishedAt: string;
  contentHash: string | null;
  fetchedAt: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  content: string;
  ingestSeq: number | undefined;
  search: string;
  state: 'stored' | 'new' | 'changed' | 'touched';
}

interface StoredRow {
  seq: string;
  id: string;
  canonical_url: string;
  content: string;
  last_seen_at: string | null;
}

/**
 * Upserts one batch in one transaction. Concurrent batches that share an article id or URL
 * are serialised by per-key advisory locks; the rows are written without an ingest sequence,
 * and only then, in the same round trip as COMMIT, the store's ingest lock is taken and the
 * sequences assigned: so sequence order is commit order (a reader after sequence N never
 * misses a row committed later with a lower number), while the lock is held only for one
 * short server-side statement. The batch is decided in memory from one read of the rows it
 * touches, with the same rules as SQLite.
 */
export async function upsertArticlesPostgres(
  pool: pg.Pool,
  schema: string,
  articles: readonly Article[],
): Promise<UpsertCounts> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const ids = articles.map((a) => a.id as string);
    const urls = articles.map((a) => a.canonicalUrl);
    await client.query(
      `SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext($1), k)
         FROM (SELECT DISTINCT hashtext(x) AS k FROM unnest($2::text[]) AS x ORDER BY k) keys) locked`,
      [`${schema}:article`, [...ids, ...urls]],
    );
    const stored = await client.query<StoredRow>(
      `SELECT seq, id, canonical_url, content, last_seen_at FROM articles
       WHERE id = ANY($1::text[]) OR canonical_url = ANY($2::text[])`,
      [ids, urls],
    );
    const plan = planBatch(stored.rows, articles, 0);
    await writeRows(client, plan.rows);
    await client.query(sequenceAndCommit(client, schema, plan.rows));
    return plan.counts;
  } catch (thrown) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw thrown;
  } finally {
    client.release();
  }
}

/**
 * One simple-protocol round trip: take the ingest lock, number the batch's new and changed
 * rows after the current maximum (each statement sees what committed before the lock), commit.
 */
function sequenceAndCommit(client: pg.PoolClient, schema: string, rows: readonly Row[]): string {
  const ids = rows
    .filter((r) => r.state === 'new' || r.state === 'changed')
    .sort((a, b) => (a.ingestSeq ?? 0) - (b.ingestSeq ?? 0))
    .map((r) => r.id);
  if (ids.length === 0) return 'COMMIT';
  return `SELECT pg_advisory_xact_lock(hashtext(${client.escapeLiteral(schema)}), ${LOCKS.ingest});
    WITH m AS (SELECT coalesce(max(ingest_seq), 0) AS m FROM articles)
    UPDATE articles a SET ingest_seq = m.m + u.n
    FROM m, json_array_elements_text(${client.escapeLiteral(JSON.stringify(ids))}::json)
      WITH ORDINALITY AS u(id, n)
    WHERE a.id = u.id;
    COMMIT`;
}

function planBatch(stored: readonly StoredRow[], articles: readonly Article[], latest: number) {
  const byId = new Map<string, Row>();
  const urlOwner = new Map<string, string>();
  for (const row of stored) {
    byId.set(row.id, storedRow(row));
    urlOwner.set(row.canonical_url, row.id);
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  let next = latest + 1;
  for (const article of articles) {
    const content = articleContent(article);
    const existing = byId.get(article.id);
    if (existing === undefined) {
      if (urlOwner.has(article.canonicalUrl)) counts.unchanged += 1;
      else {
        byId.set(article.id, newRow(article, content, next));
        urlOwner.set(article.canonicalUrl, article.id);
        next += 1;
        counts.inserted += 1;
      }
      continue;
    }
    const lastSeen = laterTime(existing.lastSeenAt ?? undefined, article.fetchedAt) ?? null;
    if (existing.content === content) {
      if (lastSeen !== existing.lastSeenAt) {
        existing.lastSeenAt = lastSeen;
        if (existing.state === 'stored') existing.state = 'touched';
      }
      counts.unchanged += 1;
    } else if (
      existing.canonicalUrl !== article.canonicalUrl &&
      urlOwner.has(article.canonicalUrl)
    ) {
      counts.unchanged += 1;
    } else {
      urlOwner.delete(existing.canonicalUrl);
      urlOwner.set(article.canonicalUrl, article.id);
      const changed = newRow(article, content, next);
      changed.seq = existing.seq;
      changed.firstSeenAt = existing.firstSeenAt;
      changed.lastSeenAt = lastSeen;
      changed.state = existing.state === 'new' ? 'new' : 'changed';
      byId.set(article.id, changed);
      next += 1;
      counts.updated += 1;
    }
  }
  return { rows: [...byId.values()], counts };
}

function storedRow(row: StoredRow): Row {
  return {
    seq: row.seq,
    id: row.id,
    canonicalUrl: row.canonical_url,
    content: row.content,
    lastSeenAt: row.last_seen_at,
    state: 'stored',
    // Not read: a stored row is only ever touched (last_seen_at) or fully replaced.
    outletId: '',
    feedId: null,
    publishedAt: '',
    contentHash: null,
    fetchedAt: null,
    firstSeenAt: null,
    ingestSeq: undefined,
    search: '',
  };
}

function newRow(article: Article, content: string, ingestSeq: number): Row {
  const fetchedAt = article.fetchedAt ?? null;
  return {
    seq: undefined,
    id: article.id,
    canonicalUrl: article.canonicalUrl,
    outletId: article.outletId,
    feedId: article.feedId ?? null,
    publishedAt: sortableTime(article.publishedAt),
    contentHash: article.contentHash ?? null,
    fetchedAt,
    firstSeenAt: fetchedAt,
    lastSeenAt: fetchedAt,
    content,
    ingestSeq,
    search: tsvectorLiteral(searchableText(article)),
    state: 'new',
  };
}

/** A tsvector literal of the text's search tokens (letters and digits only: no quoting issue). */
function tsvectorLiteral(text: string): string {
  return [...new Set(searchTokens(text))].map((token) => `'${token}'`).join(' ');
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
] as const;

function fieldValues(rows: readonly Row[]): unknown[][] {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.canonicalUrl),
    rows.map((r) => r.outletId),
    rows.map((r) => r.feedId),
    rows.map((r) => r.publishedAt),
    rows.map((r) => r.contentHash),
    rows.map((r) => r.fetchedAt),
    rows.map((r) => r.firstSeenAt),
    rows.map((r) => r.lastSeenAt),
    rows.map((r) => r.content),
    // Numbered at commit, under the ingest lock (sequenceAndCommit).
    rows.map(() => null),
    rows.map((r) => r.search),
  ];
}

const UNNEST = `unnest(${FIELDS.map((_, i) => `$${i + 1}::text[]`).join(', ')},
  $${FIELDS.length + 1}::bigint[], $${FIELDS.length + 2}::text[])
  AS u(${FIELDS.join(', ')}, ingest_seq, search)`;

async function writeRows(client: pg.PoolClient, rows: readonly Row[]): Promise<void> {
  const changed = rows.filter((r) => r.state === 'changed');
  if (changed.length > 0) {
    await client.query(
      `UPDATE articles a SET ${FIELDS.slice(1)
        .map((f) => `${f} = u.${f}`)
        .join(', ')},
         search = u.search::tsvector
       FROM ${UNNEST} WHERE a.id = u.id`,
      fieldValues(changed),
    );
  }
  const touched = rows.filter((r) => r.state === 'touched');
  if (touched.length > 0) {
    await client.query(
      `UPDATE articles a SET last_seen_at = u.last_seen_at
       FROM unnest($1::text[], $2::text[]) AS u(id, last_seen_at) WHERE a.id = u.id`,
      [touched.map((r) => r.id), touched.map((r) => r.lastSeenAt)],
    );
  }
  const inserted = rows.filter((r) => r.state === 'new');
  if (inserted.length > 0) {
    await client.query(
      `INSERT INTO articles (${FIELDS.join(', ')}, ingest_seq, search)
       SELECT ${FIELDS.join(', ')}, ingest_seq, search::tsvector FROM ${UNNEST}`,
      fieldValues(inserted),
    );
  }
}
