import { type Article, type ArticleId, isNewsloomError } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { article, collect, minute } from './builders';
import { type CreateStore, useStore } from './context';

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

/** Upserts, reads and streaming queries of articles. */
export function describeArticles(create: CreateStore): void {
  describe('articles', () => {
    const store = useStore(create);

    it('counts inserted, updated and unchanged articles by content', async () => {
      const [a, b, c] = [article(1), article(2), article(3)];
      expect(await store().upsertArticles([a, b])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      const changed = { ...b, title: 'A corrected headline' };
      expect(await store().upsertArticles([a, changed, c])).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: 1,
      });
      expect((await store().getArticle(b.id))?.title).toBe('A corrected headline');
      expect(await store().upsertArticles([])).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    });

    it('counts an article given twice in one batch once (inserted), its repeat unchanged, and keeps the last version', async () => {
      const a = article(1);
      const edited = { ...a, title: 'The same article, edited' };
      expect(await store().upsertArticles([a, article(2), edited])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 1,
      });
      expect((await store().getArticle(a.id))?.title).toBe('The same article, edited');
      const again = { ...a, title: 'Edited twice' };
      expect(await store().upsertArticles([again, again])).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 1,
      });
      const { articles } = await store().readArticlesAfter(0, 10);
      expect(ids(articles)).toEqual(ids([article(2), a]));
    });

    it('returns what was stored and undefined for unknown ids', async () => {
      const a = article(1, { text: 'Full text.', authors: ['Ann'], meta: { source: 'test' } });
      await store().upsertArticles([a]);
      expect(await store().getArticle(a.id)).toEqual(a);
      expect(await store().getArticle('missing' as ArticleId)).toBeUndefined();
    });

    it('ignores key order and a later fetchedAt when comparing content', async () => {
      const a = article(1, { fetchedAt: minute(5) });
      await store().upsertArticles([a]);
      const reordered = Object.fromEntries(Object.entries(a).reverse()) as Article;
      const refetched = { ...a, fetchedAt: minute(50) };
      expect(await store().upsertArticles([reordered, refetched])).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 2,
      });
      expect((await store().getArticle(a.id))?.fetchedAt).toBe(a.fetchedAt);
    });

    it('keeps the first article of a canonical URL and counts a copy under another id unchanged', async () => {
      const a = article(1);
      const copy = { ...article(2), canonicalUrl: a.canonicalUrl };
      expect(await store().upsertArticles([a, copy])).toEqual({
        inserted: 1,
        updated: 0,
        unchanged: 1,
      });
      expect(await store().getArticle(copy.id)).toBeUndefined();
    });

    it('streams in publication order, then id, across pages', async () => {
      const many = Array.from({ length: 2500 }, (_, i) =>
        article(i, { publishedAt: minute(Math.floor(i / 2)) }),
      );
      await store().upsertArticles([...many].reverse());
      const streamed = await collect(store().queryArticles());
      const expected = [...many].sort((x, y) =>
        x.publishedAt === y.publishedAt
          ? x.id < y.id
            ? -1
            : 1
          : x.publishedAt < y.publishedAt
            ? -1
            : 1,
      );
      expect(ids(streamed)).toEqual(ids(expected));
      expect(ids(await collect(store().queryArticles({ limit: 1500 })))).toEqual(
        ids(expected.slice(0, 1500)),
      );
    });

    it('filters by a half-open time window, outlet and feed', async () => {
      const all = Array.from({ length: 10 }, (_, i) =>
        article(i, { feedId: i % 2 === 0 ? 'even' : 'odd' }),
      );
      await store().upsertArticles(all);
      const window = await collect(store().queryArticles({ since: minute(3), until: minute(7) }));
      expect(ids(window)).toEqual(ids(all.slice(3, 7)));
      const outletId = all[1]?.outletId;
      const byOutlet = await collect(store().queryArticles(outletId ? { outletId } : {}));
      expect(ids(byOutlet)).toEqual(ids(all.filter((a) => a.outletId === outletId)));
      const evenFeed = all[0]?.feedId;
      const feedQuery = evenFeed === undefined ? {} : { feedId: evenFeed };
      const byFeed = await collect(store().queryArticles({ ...feedQuery, since: minute(4) }));
      expect(ids(byFeed)).toEqual(ids([all[4], all[6], all[8]].filter((a) => a !== undefined)));
    });

    it('rejects a window bound that is not an ISO UTC time', async () => {
      const query = collect(store().queryArticles({ since: 'yesterday' }));
      await expect(query).rejects.toSatisfy((error) => isNewsloomError(error, 'INVALID_INPUT'));
    });
  });
}
