import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  type Article,
  type ArticleQuery,
  type ArticleStore,
  createJsonlWriter,
  csvField,
  parseArticle,
  readJsonl,
} from '@newsloom/core';
import type { ImportJsonlOptions, ImportResult } from './types';

/**
 * Columns of the CSV export, in order. Lists (authors, categories) are joined with `; `.
 * @example CSV_COLUMNS.indexOf('title') // 6
 */
export const CSV_COLUMNS = [
  'id',
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

/** Streams a store's articles to a JSON Lines file; returns how many were written. */
export async function exportJsonl(
  store: ArticleStore,
  path: string,
  query?: ArticleQuery,
): Promise<number> {
  const writer = createJsonlWriter(path);
  let count = 0;
  try {
    for await (const article of store.queryArticles(query)) {
      await writer.write(article);
      count += 1;
    }
  } finally {
    await writer.close();
  }
  return count;
}

/** Streams a store's articles to an RFC 4180 CSV file with a header; returns the count. */
export async function exportCsv(
  store: ArticleStore,
  path: string,
  query?: ArticleQuery,
): Promise<number> {
  const stream = createWriteStream(path);
  const write = async (line: string) => {
    if (!stream.write(`${line}\r\n`)) await once(stream, 'drain');
  };
  let count = 0;
  try {
    await write(CSV_COLUMNS.join(','));
    for await (const article of store.queryArticles(query)) {
      await write(csvRow(article));
      count += 1;
    }
  } finally {
    stream.end();
    await once(stream, 'finish');
  }
  return count;
}

function csvRow(article: Article): string {
  return CSV_COLUMNS.map((column) => {
    const value = article[column];
    return csvField(Array.isArray(value) ? value.join('; ') : (value ?? ''));
  }).join(',');
}

/**
 * Imports the articles of a JSON Lines file (interchange form, see `parseArticle`), one writer
 * transaction per batch. Bad lines become diagnostics and are skipped; re-running the same
 * import adds nothing (every article comes back `unchanged`).
 */
export async function importJsonl(
  store: ArticleStore,
  path: string,
  options: ImportJsonlOptions = {},
): Promise<ImportResult> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, skipped: 0, batches: 0 };
  const onDiagnostic = options.onDiagnostic;
  const lines = readJsonl(path, {
    parse: parseArticle,
    onDiagnostic: (diagnostic) => {
      result.skipped += 1;
      onDiagnostic?.(diagnostic);
    },
  });
  let batch: Article[] = [];
  const flush = async () => {
    const counts = await store.upsertArticles(batch);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    options.onBatch?.(result.batches, counts);
    result.batches += 1;
    batch = [];
  };
  for await (const article of lines) {
    batch.push(article);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}
