import type { Article, ArticleId, ArticleStore } from '@newsloom/core';
import { throwIfAborted } from './context';

/** An article to cluster: its publication time (ms) and id, the order the clusterer needs. */
export interface ArticleKey {
  time: number;
  id: ArticleId;
}

/** The articles ingested after a watermark, in publication order (then id). */
export interface NewArticles {
  keys: ArticleKey[];
  /** The ingest sequence of the last article read: the next watermark. */
  lastSequence: number;
  /** The articles themselves while few; `undefined` once too many to hold (read again by id). */
  cached: Map<string, Article> | undefined;
}

const PAGE = 2000;
const CACHE_LIMIT = 20_000;
const CHUNK = 1000;

/**
 * Reads the articles after `watermark` in pages (never the archive), keeping their keys sorted
 * by publication time, then id, as the clusterer consumes them (the same order whatever order
 * they were ingested in). `skip` drops ids already clustered (a migrated sidecar's).
 * @example const fresh = await readNewArticles(store, state.watermark)
 */
export async function readNewArticles(
  store: ArticleStore,
  watermark: number,
  options: { skip?: ReadonlySet<string> | undefined; signal?: AbortSignal | undefined } = {},
): Promise<NewArticles> {
  const keys: ArticleKey[] = [];
  let cached: Map<string, Article> | undefined = new Map();
  let sequence = watermark;
  for (;;) {
    throwIfAborted(options.signal);
    const page = await store.readArticlesAfter(sequence, PAGE);
    for (const article of page.articles) {
      if (options.skip?.has(article.id)) continue;
      keys.push({ time: Date.parse(article.publishedAt), id: article.id });
      cached?.set(article.id, article);
    }
    if (cached !== undefined && cached.size > CACHE_LIMIT) cached = undefined;
    sequence = page.lastSequence;
    if (page.articles.length < PAGE) break;
  }
  keys.sort(byTimeThenId);
  return { keys, lastSequence: sequence, cached };
}

/**
 * The articles of `keys` in that order, in chunks (from the cache, or read by id).
 * @example for await (const chunk of inChunks(store, keys, fresh.cached)) clusterer.add(chunk)
 */
export async function* inChunks(
  store: ArticleStore,
  keys: readonly ArticleKey[],
  cached: ReadonlyMap<string, Article> | undefined,
): AsyncGenerator<Article[]> {
  for (let start = 0; start < keys.length; start += CHUNK) {
    const ids = keys.slice(start, start + CHUNK).map((key) => key.id);
    if (cached !== undefined) {
      yield ids.flatMap((id) => cached.get(id) ?? []);
    } else {
      yield await store.getArticlesByIds(ids);
    }
  }
}

function byTimeThenId(a: ArticleKey, b: ArticleKey): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
