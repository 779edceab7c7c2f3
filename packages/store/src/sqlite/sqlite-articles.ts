import { type Article, type ArticleQuery, ArticleSchema, type UpsertCounts } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import {
  articleContent,
  laterTime,
  searchableText,
  searchTokens,
  sortableTime,
} from '../shared/canonical';
import { decodeRow } from '../shared/decode';

interface StoredArticle {
  seq: number;
  canonical_url: string;
  content: string;
  fetched_at: string | null;
  last_seen_at: string | null;
}

interface ArticleRow {
  id: string;
  published_at: string;
  content: string;
  fetched_at: string | null;
}

/** Article statements of one SQLite connection (tables of migration v1, FTS of v2). */
export function createSqliteArticles(db: Database) {
  const select = db.prepare<[string], StoredArticle>(
    'SELECT seq, canonical_url, content, fetched_at, last_seen_at FROM articles WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO articles (id, canonical_url, outlet_id, feed_id, published_at, content_hash,
       fetched_at, first_seen_at, last_seen_at, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE articles SET canonical_url = ?, outlet_id = ?, feed_id = ?, published_at = ?,
       content_hash = ?, fetched_at = ?, last_seen_at = ?, content = ? WHERE seq = ?`,
  );
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
    );
    if (result.changes === 0) return false;
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
      existing.seq,
    );
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
    for (const article of articles) upsertOne(article, counts);
    return counts;
  });

  const getOne = db.prepare<[string], ArticleRow>(
    'SELECT id, published_at, content, fetched_at FROM articles WHERE id = ?',
  );

  return {
    upsert: (articles: readonly Article[]) => upsertBatch.immediate(articles),
    get(id: string): Article | undefined {
      const row = getOne.get(id);
      return row === undefined ? undefined : decodeArticle(row);
    },
    /** One page of a query, after the `(publishedAt, id)` key `after`. */
    page(
      query: ArticleQuery,
      storyId: string | undefined,
      after: [string, string] | undefined,
      size: number,
    ) {
      const { sql, params } = pageSql(query, storyId, after, size);
      return db
        .prepare<unknown[], ArticleRow>(sql)
        .all(...params)
        .map(decodeArticle);
    },
    search(text: string, limit: number): Article[] {
      const tokens = searchTokens(text);
      if (tokens.length === 0) return [];
      const match = tokens.map((token) => `"${token}"`).join(' ');
      return db
        .prepare<[string, number], ArticleRow>(
          `SELECT a.id, a.published_at, a.content, a.fetched_at FROM articles_fts f
           JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH ?
           ORDER BY a.published_at DESC, a.id LIMIT ?`,
        )
        .all(match, limit)
        .map(decodeArticle);
    },
  };
}

function pageSql(
  query: ArticleQuery,
  storyId: string | undefined,
  after: [string, string] | undefined,
  size: number,
) {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'articles a';
  if (storyId !== undefined) {
    from += ' JOIN story_members m ON m.article_id = a.id AND m.story_id = ?';
    params.push(storyId);
  }
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (after !== undefined) {
    where.push('(a.published_at, a.id) > (?, ?)');
    params.push(after[0], after[1]);
  }
  if (query.since !== undefined) add('a.published_at >= ?', sortableTime(query.since));
  if (query.until !== undefined) add('a.published_at < ?', sortableTime(query.until));
  if (query.outletId !== undefined) add('a.outlet_id = ?', query.outletId);
  if (query.feedId !== undefined) add('a.feed_id = ?', query.feedId);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  params.push(size);
  const sql = `SELECT a.id, a.published_at, a.content, a.fetched_at FROM ${from} ${filter}
    ORDER BY a.published_at, a.id LIMIT ?`;
  return { sql, params };
}

function decodeArticle(row: ArticleRow): Article {
  const extra = row.fetched_at === null ? undefined : { fetchedAt: row.fetched_at };
  return decodeRow(ArticleSchema, row.content, `articles ${row.id}`, extra);
}
