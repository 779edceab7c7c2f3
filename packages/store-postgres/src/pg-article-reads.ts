import type {
  Article,
  ArticleId,
  ArticleQuery,
  SequencedArticleKeys,
  SequencedArticles,
} from '@newsloom/core';
import {
  type ArticleRow,
  articlePageSql,
  ARTICLE_COLUMNS as COLUMNS,
  decodeArticleRow as decodeArticle,
} from '@newsloom/store';
import type pg from 'pg';

/** Article reads of a PostgreSQL store: by id, keyset pages, ingest sequence, tsvector search. */
export function createPostgresArticleReads(pool: pg.Pool) {
  const rows = async (sql: string, params: unknown[]) =>
    (await pool.query<ArticleRow>(sql, params)).rows.map(decodeArticle);
  return {
    async get(id: string): Promise<Article | undefined> {
      return (await rows(`SELECT ${COLUMNS} FROM articles a WHERE a.id = $1`, [id]))[0];
    },
    page(
      query: ArticleQuery,
      storyId: string | undefined,
      after: [string, string] | undefined,
      size: number,
    ): Promise<Article[]> {
      const { sql, params } = articlePageSql(query, storyId, after, size, (n) => `$${n}`);
      return rows(sql, params);
    },
    async after(sequence: number, limit: number): Promise<SequencedArticles> {
      const result = await pool.query<ArticleRow & { ingest_seq: string }>(
        `SELECT ${COLUMNS}, a.ingest_seq FROM articles a WHERE a.ingest_seq > $1
         ORDER BY a.ingest_seq LIMIT $2`,
        [sequence, limit],
      );
      const last = result.rows.at(-1);
      return {
        articles: result.rows.map(decodeArticle),
        lastSequence: last === undefined ? sequence : Number(last.ingest_seq),
      };
    },
    async keysAfter(sequence: number, limit: number): Promise<SequencedArticleKeys> {
      const result = await pool.query<{ id: string; p: string; s: string }>(
        `SELECT id, published_at AS p, ingest_seq AS s FROM articles WHERE ingest_seq > $1
         ORDER BY ingest_seq LIMIT $2`,
        [sequence, limit],
      );
      const last = result.rows.at(-1);
      return {
        keys: result.rows.map((row) => ({ id: row.id as ArticleId, publishedAt: row.p })),
        lastSequence: last === undefined ? sequence : Number(last.s),
      };
    },
    async latestSequence(): Promise<number> {
      const result = await pool.query<{ m: string | null }>(
        'SELECT max(ingest_seq) AS m FROM articles',
      );
      return Number(result.rows[0]?.m ?? 0);
    },
    byIds: (ids: readonly string[]): Promise<Article[]> =>
      rows(`SELECT ${COLUMNS} FROM articles a WHERE a.id = ANY($1::text[])`, [ids]),
    search(tokens: readonly string[], limit: number): Promise<Article[]> {
      // Each token a quoted lexeme joined by &: every word must be present, user text never
      // reaches the tsquery syntax, and no dictionary stems it (the same words as SQLite).
      const query = tokens.map((token) => `'${token}'`).join(' & ');
      return rows(
        `SELECT ${COLUMNS} FROM articles a WHERE a.search @@ $1::tsquery
         ORDER BY a.published_at DESC, a.id LIMIT $2`,
        [query, limit],
      );
    },
  };
}
