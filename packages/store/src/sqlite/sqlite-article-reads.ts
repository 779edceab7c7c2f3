import type {
  Article,
  ArticleId,
  ArticleQuery,
  SequencedArticleKeys,
  SequencedArticles,
} from '@newsloom/core';
import type { Database, Statement } from 'better-sqlite3';
import {
  type ArticleRow,
  articlePageSql,
  ARTICLE_COLUMNS as COLUMNS,
  decodeArticleRow as decodeArticle,
} from '../shared/article-sql';

/** Article reads of one SQLite connection: by id, keyset pages in publication order, FTS5. */
export function createSqliteArticleReads(db: Database) {
  const getOne = db.prepare<[string], ArticleRow>(
    `SELECT ${COLUMNS} FROM articles a WHERE a.id = ?`,
  );
  const searchStatement = db.prepare<[string, number], ArticleRow>(
    `SELECT ${COLUMNS} FROM articles_fts f JOIN articles a ON a.seq = f.rowid
     WHERE articles_fts MATCH ? ORDER BY a.published_at DESC, a.id LIMIT ?`,
  );
  const afterStatement = db.prepare<[number, number], ArticleRow & { ingest_seq: number }>(
    `SELECT ${COLUMNS}, a.ingest_seq FROM articles a WHERE a.ingest_seq > ?
     ORDER BY a.ingest_seq LIMIT ?`,
  );
  const keysStatement = db.prepare<[number, number], { id: string; p: string; s: number }>(
    `SELECT id, published_at AS p, ingest_seq AS s FROM articles WHERE ingest_seq > ?
     ORDER BY ingest_seq LIMIT ?`,
  );
  const latest = db.prepare<[], { m: number | null }>('SELECT max(ingest_seq) AS m FROM articles');
  const byIds = db.transaction((ids: readonly string[]) =>
    ids.flatMap((id) => {
      const row = getOne.get(id);
      return row === undefined ? [] : [decodeArticle(row)];
    }),
  );
  // One statement per filter combination (at most 32), prepared on first use.
  const pages = new Map<string, Statement<unknown[], ArticleRow>>();
  return {
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
      const { sql, params } = articlePageSql(query, storyId, after, size, () => '?');
      let statement = pages.get(sql);
      if (statement === undefined) {
        statement = db.prepare<unknown[], ArticleRow>(sql);
        pages.set(sql, statement);
      }
      return statement.all(...params).map(decodeArticle);
    },
    after(sequence: number, limit: number): SequencedArticles {
      const rows = afterStatement.all(sequence, limit);
      return {
        articles: rows.map(decodeArticle),
        lastSequence: rows.at(-1)?.ingest_seq ?? sequence,
      };
    },
    keysAfter(sequence: number, limit: number): SequencedArticleKeys {
      const rows = keysStatement.all(sequence, limit);
      return {
        keys: rows.map((row) => ({ id: row.id as ArticleId, publishedAt: row.p })),
        lastSequence: rows.at(-1)?.s ?? sequence,
      };
    },
    latestSequence: (): number => latest.get()?.m ?? 0,
    byIds: (ids: readonly string[]): Article[] => byIds(ids),
    search(tokens: readonly string[], limit: number): Article[] {
      // Each word quoted: user text never reaches the FTS5 query syntax.
      const match = tokens.map((token) => `"${token}"`).join(' ');
      return searchStatement.all(match, limit).map(decodeArticle);
    },
  };
}
