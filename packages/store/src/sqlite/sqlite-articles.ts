import type { Article, UpsertCounts } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import { articleContent, laterTime, searchableText, sortableTime } from '../shared/canonical';

interface StoredArticle {
  seq: number;
  canonical_url: string;
  content: string;
  fetched_at: string | null;
  last_seen_at: string | null;
}

/** The article writer of one SQLite connection: batched upserts that keep FTS in step. */
export function createSqliteArticleWriter(db: Database) {
  const select = db.prepare<[string], StoredArticle>(
    'SELECT seq, canonical_url, content, fetched_at, last_seen_at FROM articles WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO articles (id, canonical_url, outlet_id, feed_id, published_at, content_hash,
       fetched_at, first_seen_at, last_seen_at, content, ingest_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE articles SET canonical_url = ?, outlet_id = ?, feed_id = ?, published_at = ?,
       content_hash = ?, fetched_at = ?, last_seen_at = ?, content = ?, ingest_seq = ?
     WHERE seq = ?`,
  );
  const maxSequence = db.prepare<[], { m: number | null }>(
    'SELECT max(ingest_seq) AS m FROM articles',
  );
  // The next ingest sequence; read once per transaction (under the write lock).
  let next = 0;
  const touch = db.prepare('UPDATE articles SET last_seen_at = ? WHERE seq = ?');
  const urlOwner = db.prepare<[string], { id: string }>(
    'SELECT id FROM articles WHERE canonical_url = ?',
  );
  const ftsInsert = db.prepare('INSERT INTO articles_fts (rowid, body) VALUES (?, ?)');
  const ftsDelete = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');

  function insertNew(article: Article, content: string): boolean {
    const fetchedAt = article.fetchedAt ?? null;
    const result = insert.run(
      article.id,
      article.canonicalUrl,
      article.outletId,
      article.feedId ?? null,
      sortableTime(article.publishedAt),
      article.contentHash ?? null,
      fetchedAt,
      fetchedAt,
      fetchedAt,
      content,
      next,
    );
    if (result.changes === 0) return false;
    next += 1;
    ftsInsert.run(result.lastInsertRowid, searchableText(article));
    return true;
  }

  function updateExisting(existing: StoredArticle, article: Article, content: string): boolean {
    const lastSeen = laterTime(existing.last_seen_at ?? undefined, article.fetchedAt) ?? null;
    if (existing.content === content) {
      if (lastSeen !== existing.last_seen_at) touch.run(lastSeen, existing.seq);
      return false;
    }
    // A new canonical URL that another article already has: keep that one, skip this change.
    if (existing.canonical_url !== article.canonicalUrl && urlOwner.get(article.canonicalUrl))
      return false;
    update.run(
      article.canonicalUrl,
      article.outletId,
      article.feedId ?? null,
      sortableTime(article.publishedAt),
      article.contentHash ?? null,
      article.fetchedAt ?? null,
      lastSeen,
      content,
      next,
      existing.seq,
    );
    next += 1;
    ftsDelete.run(existing.seq);
    ftsInsert.run(existing.seq, searchableText(article));
    return true;
  }

  function upsertOne(article: Article, counts: UpsertCounts): void {
    const content = articleContent(article);
    // Insert first: in bulk imports most articles are new, and this saves a lookup for them.
    if (insertNew(article, content)) {
      counts.inserted += 1;
      return;
    }
    // Not inserted: the id exists, or the canonical URL is taken by another id (first one stays).
    const existing = select.get(article.id);
    if (existing !== undefined && updateExisting(existing, article, content)) counts.updated += 1;
    else counts.unchanged += 1;
  }

  const upsertBatch = db.transaction((articles: readonly Article[]): UpsertCounts => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    next = (maxSequence.get()?.m ?? 0) + 1;
    for (const article of articles) upsertOne(article, counts);
    return counts;
  });

  return {
    upsert: (articles: readonly Article[]) => upsertBatch.immediate(articles),
  };
}
