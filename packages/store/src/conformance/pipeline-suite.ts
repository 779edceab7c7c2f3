import {
  type Article,
  type ArticleId,
  isNewsloomError,
  type PipelineState,
  type QuarantineEntry,
} from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { article, minute, story } from './builders';
import { type CreateStore, useStore } from './context';

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

/**
 * A pipeline state at `revision` with watermark `watermark`.
 * @example pipelineState(0, 12, { stories: [] })
 */
export function pipelineState(revision: number, watermark: number, clusterer: unknown = {}) {
  const state: PipelineState = {
    schemaVersion: 1,
    revision,
    watermark,
    clusterer,
    updatedAt: minute(revision),
    meta: {},
  };
  return state;
}

function quarantineEntry(a: Article, reason: QuarantineEntry['reason'] = 'future') {
  return { articleId: a.id, reason, detail: `published ${a.publishedAt}`, at: minute(0) };
}

/** Ingest sequence, reads by id, pipeline state commits and quarantine. */
export function describePipeline(create: CreateStore): void {
  describe('ingest sequence', () => {
    const store = useStore(create);

    it('gives each insert the next sequence and reads after it in pages', async () => {
      expect(await store().latestSequence()).toBe(0);
      expect(await store().readArticlesAfter(0, 10)).toEqual({ articles: [], lastSequence: 0 });
      const batch = [article(5), article(1), article(3)];
      await store().upsertArticles(batch);
      await store().upsertArticles([article(2)]);
      expect(await store().latestSequence()).toBe(4);
      const first = await store().readArticlesAfter(0, 2);
      expect(ids(first.articles)).toEqual(ids([article(5), article(1)]));
      const rest = await store().readArticlesAfter(first.lastSequence, 10);
      expect(ids(rest.articles)).toEqual(ids([article(3), article(2)]));
      expect(rest.lastSequence).toBe(4);
      expect(await store().readArticlesAfter(4, 10)).toEqual({ articles: [], lastSequence: 4 });
    });

    it('gives a changed article a new, higher sequence; an unchanged one keeps its own', async () => {
      await store().upsertArticles([article(1), article(2)]);
      const before = await store().latestSequence();
      await store().upsertArticles([article(1), { ...article(2), title: 'Corrected' }]);
      const after = await store().latestSequence();
      expect(after).toBeGreaterThan(before);
      const seen = await store().readArticlesAfter(before, 10);
      expect(seen.articles.map((a) => a.title)).toEqual(['Corrected']);
      const all = await store().readArticlesAfter(0, 10);
      expect(ids(all.articles)).toEqual(ids([article(1), article(2)]));
      expect(all.lastSequence).toBe(after);
    });

    it('reads the keys (id, normalised time) of the same pages as the articles', async () => {
      const offset = { ...article(7), publishedAt: '2024-01-01T00:00:00Z' };
      await store().upsertArticles([article(5), offset, article(3)]);
      await store().upsertArticles([{ ...article(5), title: 'Corrected' }]);
      for (const [after, limit] of [
        [0, 10],
        [0, 2],
        [2, 10],
        [4, 10],
      ] as const) {
        const page = await store().readArticlesAfter(after, limit);
        const keys = await store().readArticleKeysAfter(after, limit);
        expect(keys.lastSequence).toBe(page.lastSequence);
        expect(keys.keys.map((k) => k.id)).toEqual(ids(page.articles));
        const times = page.articles.map((a) => new Date(a.publishedAt).toISOString());
        expect(keys.keys.map((k) => k.publishedAt)).toEqual(times);
      }
      expect((await store().readArticleKeysAfter(0, 10)).keys.map((k) => k.publishedAt)).toContain(
        '2024-01-01T00:00:00.000Z',
      );
      await expect(store().readArticleKeysAfter(0, 0)).rejects.toSatisfy((e) =>
        isNewsloomError(e, 'INVALID_INPUT'),
      );
    });

    it('does not give a duplicate URL a sequence', async () => {
      await store().upsertArticles([article(1)]);
      const copy = { ...article(2), canonicalUrl: article(1).canonicalUrl };
      await store().upsertArticles([copy]);
      expect(ids((await store().readArticlesAfter(0, 10)).articles)).toEqual(ids([article(1)]));
    });

    it('gets articles by id in the order asked, ignoring missing and repeated ids', async () => {
      const [a, b, c] = [article(1), article(2), article(3)];
      await store().upsertArticles([a, b, c]);
      const found = await store().getArticlesByIds([c.id, 'missing' as ArticleId, a.id, c.id]);
      expect(found).toEqual([c, a]);
      expect(await store().getArticlesByIds([])).toEqual([]);
    });

    it('rejects a negative sequence or a zero limit', async () => {
      await expect(store().readArticlesAfter(-1, 10)).rejects.toSatisfy((e) =>
        isNewsloomError(e, 'INVALID_INPUT'),
      );
      await expect(store().readArticlesAfter(0, 0)).rejects.toSatisfy((e) =>
        isNewsloomError(e, 'INVALID_INPUT'),
      );
    });
  });

  describe('pipeline state', () => {
    const store = useStore(create);
    const [a1, a2, a3] = [article(1), article(2), article(3)];

    it('commits stories, quarantine and state together and loads the state back', async () => {
      expect(await store().loadPipelineState()).toBeUndefined();
      const state = pipelineState(0, 3, { window: [1, 2], nested: { a: 'b' } });
      const counts = await store().commitClusterRun({
        stories: [story('s1', [a1, a2])],
        state,
        expectedRevision: undefined,
        quarantined: [quarantineEntry(a3)],
      });
      expect(counts).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect(await store().loadPipelineState()).toEqual(state);
      expect((await store().getStories()).map((s) => s.id)).toEqual(['s1']);
      expect(await store().listQuarantined()).toEqual([quarantineEntry(a3)]);
      const next = pipelineState(1, 4);
      await store().commitClusterRun({ stories: [], state: next, expectedRevision: 0 });
      expect(await store().loadPipelineState()).toEqual(next);
    });

    it('reads the revision and watermark of the stored state without the state', async () => {
      expect(await store().readPipelineRevision()).toBeUndefined();
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(0, 7, { window: [1] }),
        expectedRevision: undefined,
      });
      expect(await store().readPipelineRevision()).toEqual({ revision: 0, watermark: 7 });
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(1, 12),
        expectedRevision: 0,
      });
      const stale = store().commitClusterRun({
        stories: [],
        state: pipelineState(1, 30),
        expectedRevision: 0,
      });
      await expect(stale).rejects.toSatisfy((e) => isNewsloomError(e, 'STATE_CONFLICT'));
      expect(await store().readPipelineRevision()).toEqual({ revision: 1, watermark: 12 });
    });

    it('rejects a stale commit with STATE_CONFLICT and writes nothing', async () => {
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(0, 1),
        expectedRevision: undefined,
      });
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(1, 2),
        expectedRevision: 0,
      });
      const stale = store().commitClusterRun({
        stories: [story('late', [a1])],
        state: pipelineState(1, 9),
        expectedRevision: 0,
        quarantined: [quarantineEntry(a2)],
      });
      await expect(stale).rejects.toSatisfy((e) => isNewsloomError(e, 'STATE_CONFLICT'));
      const fresh = store().commitClusterRun({
        stories: [],
        state: pipelineState(0, 9),
        expectedRevision: undefined,
      });
      await expect(fresh).rejects.toSatisfy((e) => isNewsloomError(e, 'STATE_CONFLICT'));
      expect((await store().loadPipelineState())?.watermark).toBe(2);
      expect(await store().getStories()).toEqual([]);
      expect(await store().listQuarantined()).toEqual([]);
    });

    it('lets exactly one of two runs that read the same revision commit', async () => {
      const runs = [1, 2].map((n) =>
        store().commitClusterRun({
          stories: [story(`s${n}`, [article(n)])],
          state: pipelineState(0, n),
          expectedRevision: undefined,
        }),
      );
      const results = await Promise.allSettled(runs);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await store().getStories()).toHaveLength(1);
    });

    it('replaces a quarantine entry of the same article and lists them by article id', async () => {
      const entries = [quarantineEntry(a3, 'future'), quarantineEntry(a1, 'before-epoch')];
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(0, 3),
        expectedRevision: undefined,
        quarantined: entries,
      });
      const again = quarantineEntry(a3, 'too-late');
      await store().commitClusterRun({
        stories: [],
        state: pipelineState(1, 3),
        expectedRevision: 0,
        quarantined: [again],
      });
      const listed = await store().listQuarantined();
      const byId = [quarantineEntry(a1, 'before-epoch'), again].sort((x, y) =>
        x.articleId < y.articleId ? -1 : 1,
      );
      expect(listed).toEqual(byId);
    });

    it('rejects an invalid state or a revision that is not one above the expected', async () => {
      const bad = { ...pipelineState(0, 1), watermark: -1 };
      await expect(
        store().commitClusterRun({ stories: [], state: bad, expectedRevision: undefined }),
      ).rejects.toSatisfy((e) => isNewsloomError(e, 'INVALID_INPUT'));
      await expect(
        store().commitClusterRun({
          stories: [],
          state: pipelineState(5, 1),
          expectedRevision: undefined,
        }),
      ).rejects.toSatisfy((e) => isNewsloomError(e, 'INVALID_INPUT'));
      expect(await store().loadPipelineState()).toBeUndefined();
    });
  });
}
