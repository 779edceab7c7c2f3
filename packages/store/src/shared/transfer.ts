import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  type Article,
  type ArticleQuery,
  type ArticleStore,
  csvField,
  NewsloomError,
  stringifyJsonl,
} from '@newsloom/core';

/**
 * Columns of the one article CSV format newsloom writes, in order. `storyId` is the story the
 * article belongs to (empty when none); lists (authors, categories) are joined with `; `.
 * @example CSV_COLUMNS.indexOf('storyId') // 1
 */
export const CSV_COLUMNS = [
  'id',
  'storyId',
  'url',
  'canonicalUrl',
  'outletId',
  'outletName',
  'feedId',
  'title',
  'summary',
  'publishedAt',
  'updatedAt',
  'fetchedAt',
  'language',
  'authors',
  'categories',
  'contentHash',
] as const;

/**
 * Options of {@link exportArticlesCsv} and {@link exportArticlesJsonl}.
 * @example { query: { since: '2024-01-01T00:00:00Z' }, guardFormulas: true }
 */
export interface ExportArticlesOptions {
  /** Which articles (publication order). Default: all. */
  query?: ArticleQuery;
  /** CSV only: prefix cells starting with `= + - @` with `'` (for spreadsheets, not pandas). */
  guardFormulas?: boolean;
}

/** Where an export goes: a file path (created or replaced) or an open stream (left open). */
export type ExportDestination = string | Writable;

/**
 * Streams a store's articles to CSV (RFC 4180, header first, `\r\n` lines) with each article's
 * story id; returns the count. Works on any `ArticleStore` engine.
 * @example const count = await exportArticlesCsv(store, 'articles.csv', { guardFormulas: true })
 */
export async function exportArticlesCsv(
  store: ArticleStore,
  destination: ExportDestination,
  options: ExportArticlesOptions = {},
): Promise<number> {
  const guard = { guardFormulas: options.guardFormulas ?? false };
  return streamTo(destination, async (write) => {
    await write(`${CSV_COLUMNS.join(',')}\r\n`);
    return eachWithStory(store, options.query, (article, storyId) =>
      write(`${csvRow(article, storyId, guard)}\r\n`),
    );
  });
}

/**
 * Streams a store's articles to JSON Lines in publication order, each with its `storyId` when it
 * belongs to a story; returns the count. `importArticlesJsonl` reads it back (storyId ignored).
 * @example const count = await exportArticlesJsonl(store, process.stdout)
 */
export async function exportArticlesJsonl(
  store: ArticleStore,
  destination: ExportDestination,
  options: ExportArticlesOptions = {},
): Promise<number> {
  return streamTo(destination, (write) =>
    eachWithStory(store, options.query, (article, storyId) =>
      write(stringifyJsonl([storyId === undefined ? article : { ...article, storyId }])),
    ),
  );
}

async function eachWithStory(
  store: ArticleStore,
  query: ArticleQuery | undefined,
  each: (article: Article, storyId: string | undefined) => Promise<void>,
): Promise<number> {
  const storyOf = new Map<string, string>();
  for (const story of await store.getStories()) {
    for (const id of story.articleIds) storyOf.set(id, story.id);
  }
  let count = 0;
  for await (const article of store.queryArticles(query)) {
    await each(article, storyOf.get(article.id));
    count += 1;
  }
  return count;
}

type Write = (text: string) => Promise<void>;

async function streamTo(
  destination: ExportDestination,
  body: (write: Write) => Promise<number>,
): Promise<number> {
  const owned = typeof destination === 'string';
  const stream = owned ? createWriteStream(destination) : destination;
  const failed = new Promise<never>((_, reject) => {
    stream.once('error', (cause: unknown) => reject(writeError(destination, cause)));
  });
  failed.catch(() => undefined);
  const write: Write = async (text) => {
    if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
  };
  try {
    return await Promise.race([body(write), failed]);
  } finally {
    if (owned) {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]).catch(() => undefined);
    }
  }
}

function writeError(destination: ExportDestination, cause: unknown): NewsloomError {
  const where = typeof destination === 'string' ? destination : 'the output stream';
  const code = (cause as NodeJS.ErrnoException).code;
  const full = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS';
  return new NewsloomError(
    full ? 'STORAGE_FULL' : 'STORE_ERROR',
    full
      ? `Cannot write ${where}: the disk is full or read-only (${code}); free space or choose another path`
      : `Cannot write ${where}: ${(cause as Error).message}`,
    { cause, details: { path: where } },
  );
}

function csvRow(article: Article, storyId: string | undefined, guard: { guardFormulas: boolean }) {
  return CSV_COLUMNS.map((column) => {
    const value = column === 'storyId' ? storyId : article[column];
    return csvField(Array.isArray(value) ? value.join('; ') : (value ?? ''), guard);
  }).join(',');
}
