import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { CORPUS, FOLLOW_UP } from '../../test/corpus';
import { createPipeline } from './create-pipeline';

const DEMO_FEEDS = fileURLToPath(new URL('../../demo/data/feeds/', import.meta.url));

function memoryPipeline() {
  return createPipeline({
    store: createMemoryStore(),
    clock: createFixedClock('2024-03-08T00:00:00Z'),
    title: 'Test',
  });
}

describe('createPipeline', () => {
  it('turns articles into stories, cited summaries, coverage and an edition', async () => {
    const pipeline = memoryPipeline();
    await pipeline.ingestArticles(CORPUS);
    const { cluster, summarize, edition } = await pipeline.run({ fetch: false, all: true });
    expect(cluster.newArticles).toBe(5);
    expect(edition.stories).toHaveLength(2);
    expect(summarize.summarized).toBe(2);
    expect(edition.summaries.map((s) => s.storyId).sort()).toEqual(
      edition.stories.map((s) => s.id).sort(),
    );
    expect(edition.coverage.topHeadlines[0]?.storyId).toBeDefined();
    expect(edition.outlets.map((o) => o.name).sort()).toEqual([
      'Alpha News',
      'Beta Times',
      'Gamma Post',
    ]);
    expect(edition.generatedAt).toBe('2024-03-08T00:00:00.000Z');
    await pipeline.close();
  });

  it('is incremental: only new articles, only touched stories, stable story ids', async () => {
    const pipeline = memoryPipeline();
    await pipeline.ingestArticles(CORPUS);
    const first = await pipeline.run({ fetch: false, all: true });
    await pipeline.ingestArticles([FOLLOW_UP]);
    const second = await pipeline.run({ fetch: false, all: true });
    expect(second.cluster.newArticles).toBe(1);
    expect(second.cluster.touchedStoryIds).toHaveLength(1);
    // Only the touched story is due: the other is neither read nor counted.
    expect(second.summarize).toMatchObject({ summarized: 1, unchanged: 0 });
    expect(second.edition.stories.map((s) => s.id).sort()).toEqual(
      first.edition.stories.map((s) => s.id).sort(),
    );
    const quake = second.edition.stories.find((s) => s.id === second.cluster.touchedStoryIds[0]);
    expect(quake?.articleIds).toHaveLength(4);
    const third = await pipeline.run({ fetch: false, all: true });
    expect(third.cluster.newArticles).toBe(0);
    expect(third.summarize.summarized).toBe(0);
    await pipeline.close();
  });

  it('stops between units of work when cancelled, with a clear error', async () => {
    const controller = new AbortController();
    const pipeline = createPipeline({ store: createMemoryStore(), signal: controller.signal });
    await pipeline.ingestArticles(CORPUS);
    controller.abort();
    await expect(pipeline.cluster()).rejects.toMatchObject({ code: 'ABORTED' });
    await pipeline.close();
  });
});

describe('createPipeline with a SQLite file', () => {
  it('keeps story ids across processes, and starts afresh when the database was replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsloom-pipeline-'));
    const databasePath = join(dir, 'news.db');
    const first = createPipeline({ databasePath });
    await first.ingestArticles(CORPUS);
    const before = (await first.run({ fetch: false, all: true })).edition.stories
      .map((s) => s.id)
      .sort();
    await first.close();
    const second = createPipeline({ databasePath });
    await second.ingestArticles([FOLLOW_UP]);
    const run = await second.run({ fetch: false, all: true });
    expect(run.cluster.newArticles).toBe(1);
    expect(run.edition.stories.map((s) => s.id).sort()).toEqual(before);
    await second.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
    const fresh = createPipeline({ databasePath });
    await fresh.ingestArticles(CORPUS);
    const rebuilt = await fresh.run({ fetch: false, all: true });
    expect(rebuilt.cluster.newArticles).toBe(5);
    expect(rebuilt.edition.stories.map((s) => s.id).sort()).toEqual(before);
    await fresh.close();
  });
});

describe('Pipeline.poll', () => {
  it('polls feeds with the feeds package poller and clusters what arrives, until aborted', async () => {
    const feeds = ['reuters', 'the-hill'].map((name) => ({
      url: pathToFileURL(join(DEMO_FEEDS, `${name}.xml`)).href,
      outlet: name,
    }));
    const pipeline = createPipeline({ store: createMemoryStore(), allowFileUrls: true });
    await pipeline.addFeeds(feeds);
    const controller = new AbortController();
    const statuses: string[] = [];
    let updates = 0;
    await pipeline.poll({
      signal: controller.signal,
      clusterEveryMs: 20,
      onStatus: (status) => statuses.push(`${status.status} ${status.newArticleCount}`),
      onUpdate: ({ cluster }) => {
        if (cluster.touchedStoryIds.length > 0) updates += 1;
        // File feeds share one "host": the poller waits a second between them.
        if (statuses.length === 2) controller.abort();
      },
    });
    expect(statuses).toHaveLength(2);
    expect(statuses.every((s) => /^ok [1-9]/.test(s))).toBe(true);
    expect(updates).toBeGreaterThan(0);
    expect((await pipeline.store.getStories()).length).toBeGreaterThan(10);
    const stored = await pipeline.store.listFeeds();
    expect(
      stored.every((feed) => feed.nextFetchAt !== undefined && feed.lastItemCount !== undefined),
    ).toBe(true);
    await pipeline.close();
  });
});

describe('Pipeline.addFeeds', () => {
  it('keeps a known outlet’s rated attributes when a feed names it again', async () => {
    const pipeline = createPipeline({ store: createMemoryStore() });
    const lean = { name: 'lean', value: 'center', source: 'AllSides' };
    await pipeline.addOutlets([{ name: 'Reuters', attributes: [lean] }]);
    await pipeline.addFeeds([{ url: 'https://www.reuters.com/rss', outlet: 'reuters' }]);
    const [outlet] = await pipeline.store.listOutlets();
    expect(outlet).toMatchObject({ id: 'reuters', name: 'Reuters', attributes: [lean] });
    await pipeline.close();
  });
});
