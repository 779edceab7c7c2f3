import { type Article, type ArticleQuery, ArticleSchema } from '@newsloom/core';
import { sortableTime } from './canonical';
import { decodeRow } from './decode';

/** An article row as the SQL engines store it: the canonical content and, beside it, the fetch time. */
export interface ArticleRow {
  id: string;
  content: string;
  fetched_at: string | null;
}

/** The columns of {@link ArticleRow}, from the `articles` table aliased `a`. */
export const ARTICLE_COLUMNS = 'a.id, a.content, a.fetched_at';

/**
 * An article from its stored row: the content validated, `fetchedAt` (kept beside it, so a
 * re-fetch is not a change) put back.
 * @throws {NewsloomError} `STORE_CORRUPT` naming the row when the content is not an article.
 */
export function decodeArticleRow(row: ArticleRow): Article {
  const extra = row.fetched_at === null ? undefined : { fetchedAt: row.fetched_at };
  return decodeRow(ArticleSchema, row.content, `articles ${row.id}`, extra);
}

/**
 * The SQL of one keyset page of `queryArticles` (publication order, then id, after the key
 * `after`), optionally of one story's members, for any engine: `placeholder(n)` writes the
 * engine's n-th parameter (`?` for SQLite, `$n` for PostgreSQL). The filters are the same
 * wherever they run, so pages are the same.
 * @example articlePageSql({ outletId: 'bbc' }, undefined, undefined, 100, (n) => `$${n}`)
 */
export function articlePageSql(
  query: ArticleQuery,
  storyId: string | undefined,
  after: readonly [string, string] | undefined,
  size: number,
  placeholder: (n: number) => string,
): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return placeholder(params.length);
  };
  let from = 'articles a';
  if (storyId !== undefined) {
    from += ` JOIN story_members m ON m.article_id = a.id AND m.story_id = ${next(storyId)}`;
  }
  if (after !== undefined)
    where.push(`(a.published_at, a.id) > (${next(after[0])}, ${next(after[1])})`);
  if (query.since !== undefined) where.push(`a.published_at >= ${next(sortableTime(query.since))}`);
  if (query.until !== undefined) where.push(`a.published_at < ${next(sortableTime(query.until))}`);
  if (query.outletId !== undefined) where.push(`a.outlet_id = ${next(query.outletId)}`);
  if (query.feedId !== undefined) where.push(`a.feed_id = ${next(query.feedId)}`);
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sql = `SELECT ${ARTICLE_COLUMNS} FROM ${from} ${filter}
    ORDER BY a.published_at, a.id LIMIT ${next(size)}`;
  return { sql, params };
}
