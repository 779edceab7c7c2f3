import { isNewsloomError, type StoryId } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { coverageReport, feed, minute, outlet, summary } from './builders';
import { type CreateStore, useStore } from './context';

const sid = (id: string) => id as StoryId;

/** Outlets, feeds with fetch state, summaries, coverage snapshots, runs and closing. */
export function describeRecords(create: CreateStore): void {
  describe('outlets, feeds, summaries, coverage and runs', () => {
    const store = useStore(create);

    it('upserts outlets and feeds with their fetch state, listed by id', async () => {
      const [bbc, ap] = [outlet('bbc', { group: 'BBC' }), outlet('ap')];
      expect(await store().upsertOutlets([bbc, ap])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      expect(await store().listOutlets()).toEqual([ap, bbc]);
      const f = feed('bbc-world', 'bbc');
      await store().upsertFeeds([f]);
      const polled = {
        ...f,
        etag: '"abc"',
        lastFetchedAt: minute(1),
        nextFetchAt: minute(31),
        lastStatus: 200,
      };
      expect(await store().upsertFeeds([polled, feed('ap-top', 'ap')])).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: 0,
      });
      expect((await store().listFeeds()).map((x) => x.id)).toEqual(['ap-top', 'bbc-world']);
      expect((await store().listFeeds())[1]).toEqual(polled);
    });

    it('saves summaries and reads them by story id', async () => {
      const [s1, s2] = [summary('s1', 'First'), summary('s2', 'Second')];
      expect(await store().saveSummaries([s1, s2])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      expect(await store().saveSummaries([s1, { ...s2, headline: 'New' }])).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 1,
      });
      expect(await store().getSummaries([sid('s1'), sid('missing')])).toEqual([s1]);
      expect((await store().getSummaries()).map((s) => s.headline)).toEqual(['First', 'New']);
    });

    it('keeps coverage snapshots and returns the latest', async () => {
      expect(await store().getLatestCoverage()).toBeUndefined();
      const first = await store().saveCoverage(coverageReport('s1'), minute(10));
      const second = await store().saveCoverage(coverageReport('s2'), minute(5));
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store().getLatestCoverage()).toEqual(first);
      const bad = store().saveCoverage(coverageReport('s3'), 'now');
      await expect(bad).rejects.toSatisfy((error) => isNewsloomError(error, 'INVALID_INPUT'));
    });

    it('saves runs and lists them newest first', async () => {
      const run = {
        id: 'r1',
        startedAt: minute(1),
        status: 'ok' as const,
        counts: { articles: 3 },
        meta: {},
      };
      expect(await store().saveRun(run)).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect(await store().saveRun(run)).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      await store().saveRun({ ...run, id: 'r2', startedAt: minute(2), title: 'Evening edition' });
      expect((await store().listRuns()).map((r) => r.id)).toEqual(['r2', 'r1']);
      expect(await store().listRuns({ limit: 1 })).toHaveLength(1);
      const bad = store().saveRun({ id: 'r3', startedAt: 'this morning' });
      await expect(bad).rejects.toSatisfy((error) => isNewsloomError(error, 'INVALID_INPUT'));
    });
  });

  describe('closing', () => {
    it('refuses use after close with a clear error, and closes twice quietly', async () => {
      const store = await create();
      await store.close();
      await store.close();
      await expect(store.listOutlets()).rejects.toSatisfy(
        (error) => isNewsloomError(error, 'STORE_ERROR') && /closed/.test(String(error)),
      );
    });
  });
}
