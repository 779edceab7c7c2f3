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
}

const PAGE = 5000;
const CHUNK = 1000;

/**
 * Reads the keys (id, publication time) of the articles after `watermark` in pages (never the
 * archive, never their content), sorted by publication time, then id, as the clusterer
 * consumes them (the same order whatever order they were ingested in). `skip` drops ids
 * already clustered (a migrated sidecar's).
 * @example const fresh = await readNewArticles(store, state.watermark)
 */
export async function readNewArticles(
  store: ArticleStore,
  watermark: number,
  options: { skip?: ReadonlySet<string> | undefined; signal?: AbortSignal | undefined } = {},
): Promise<NewArticles> {
  const keys: ArticleKey[] = [];
  let sequence = watermark;
  for (;;) {
    throwIfAborted(options.signal);
    const page = await store.readArticleKeysAfter(sequence, PAGE);
    for (const key of page.keys) {
      if (options.skip?.has(key.id)) continue;
      keys.push({ time: Date.parse(key.publishedAt), id: key.id });
    }
    sequence = page.lastSequence;
    if (page.keys.length < PAGE) break;
  }
  keys.sort(byTimeThenId);
  return { keys, lastSequence: sequence };
}

/**
 * The articles of `keys` in that order, read by id in chunks. The next chunk is read while the
 * caller works on this one (the store's engine, often another process, works meanwhile), so at
 * most two chunks are in memory.
 * @example for await (const chunk of inChunks(store, fresh.keys)) clusterer.add(chunk)
 */
export async function* inChunks(
  store: ArticleStore,
  keys: readonly ArticleKey[],
): AsyncGenerator<Article[]> {
  const read = (start: number) => {
    const chunk = store.getArticlesByIds(keys.slice(start, start + CHUNK).map((key) => key.id));
    // Handled here too: a caller that stops early never awaits it, and its failure must not
    // become an unhandled rejection.
    chunk.catch(() => undefined);
    return chunk;
  };
  let next = keys.length > 0 ? read(0) : undefined;
  for (let start = 0; next !== undefined; start += CHUNK) {
    const current = await next;
    next = start + CHUNK < keys.length ? read(start + CHUNK) : undefined;
    yield current;
  }
}

function byTimeThenId(a: ArticleKey, b: ArticleKey): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
