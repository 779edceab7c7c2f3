import type { Article, ArticleQuery } from '@newsloom/core';
import type { NewsloomStore } from '@newsloom/store';
import { openPostgresStore, type PostgresStoreOptions } from './open-postgres-store';

/**
 * A PostgreSQL store returned at once, for callers that cannot wait (a synchronous
 * `createPipeline`): it connects and migrates on first use, and every method waits for that.
 * An error opening it (server down, bad URL) is thrown by the first call.
 *
 * @example
 * const store = connectPostgresStore({ url: 'postgres://postgres@127.0.0.1:5432/news' })
 * await store.upsertArticles(articles) // connects, migrates, then writes
 */
export function connectPostgresStore(options: PostgresStoreOptions): NewsloomStore {
  let opening: Promise<NewsloomStore> | undefined;
  const open = () => {
    opening ??= openPostgresStore(options);
    return opening;
  };
  let closed = false;
  const handler: ProxyHandler<NewsloomStore> = {
    get(_target, name) {
      if (name === 'then') return undefined; // not a thenable
      if (name === 'queryArticles') return (query?: ArticleQuery) => stream(open, query);
      if (name === 'close') {
        return async () => {
          if (closed) return;
          closed = true;
          if (opening !== undefined) await (await opening.catch(() => undefined))?.close();
        };
      }
      return async (...args: unknown[]) => {
        const store = (await open()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        const method = store[String(name)];
        if (typeof method !== 'function') throw new TypeError(`no store method ${String(name)}`);
        return method(...args);
      };
    },
  };
  return new Proxy({} as NewsloomStore, handler);
}

async function* stream(
  open: () => Promise<NewsloomStore>,
  query: ArticleQuery | undefined,
): AsyncGenerator<Article> {
  const store = await open();
  yield* store.queryArticles(query);
}
