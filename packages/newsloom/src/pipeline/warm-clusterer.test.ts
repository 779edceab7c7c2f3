import { join } from 'node:path';
import type { Article, ArticleStore } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATA } from '../../test/demo-digest';
import { createPipeline } from './create-pipeline';

const clock = () => createFixedClock('2026-01-01T00:00:00Z');

/** The demo data's articles in four batches, in publication order. */
async function demoBatches(): Promise<Article[][]> {
  const pipeline = createPipeline({ store: createMemoryStore(), allowFileUrls: true });
  await pipeline.ingestOpml(join(DEMO_DATA, 'allsides-2021.opml'));
  const articles: Article[] = [];
  for await (const article of pipeline.store.queryArticles()) articles.push(article);
  await pipeline.close();
  const size = Math.ceil(articles.length / 4);
  return [0, 1, 2, 3].map((k) => articles.slice(k * size, (k + 1) * size));
}

/** A store that counts the full state loads (a warm run needs none). */
function countingLoads(store: ArticleStore): ArticleStore & { loads: number } {
  const counted = Object.create(store) as ArticleStore & { loads: number };
  counted.loads = 0;
  counted.loadPipelineState = () => {
    counted.loads += 1;
    return store.loadPipelineState();
  };
  return counted;
}

/** Stories and the touched ids of each run when every run restores from the store. */
async function coldRuns(batches: readonly Article[][]) {
  const store = createMemoryStore();
  const touched: string[][] = [];
  for (const batch of batches) {
    await store.upsertArticles(batch);
    const pipeline = createPipeline({ store, clock: clock() });
    touched.push((await pipeline.cluster()).touchedStoryIds);
  }
  return { stories: await store.getStories(), touched };
}

describe('a pipeline that keeps its clusterer between runs', () => {
  let batches: Article[][] = [];
  let cold: Awaited<ReturnType<typeof coldRuns>>;
  beforeAll(async () => {
    batches = await demoBatches();
    cold = await coldRuns(batches);
  }, 60_000);

  it('commits what runs restoring from the store commit, loading the state only once', async () => {
    const store = countingLoads(createMemoryStore());
    const pipeline = createPipeline({ store, clock: clock() });
    const touched: string[][] = [];
    for (const batch of batches) {
      await store.upsertArticles(batch);
      touched.push((await pipeline.cluster()).touchedStoryIds);
    }
    expect(touched).toEqual(cold.touched);
    expect(await store.getStories()).toEqual(cold.stories);
    expect(store.loads).toBe(1);
  });

  it('restores from the store when another process clustered in between', async () => {
    const store = countingLoads(createMemoryStore());
    const [mine, other] = [createPipeline({ store, clock: clock() }), createPipeline({ store })];
    for (const [k, batch] of batches.entries()) {
      await store.upsertArticles(batch);
      await (k === 2 ? other : mine).cluster();
    }
    expect(await store.getStories()).toEqual(cold.stories);
    // Its first run, the other's, and its run after the other's.
    expect(store.loads).toBe(3);
  });

  it('keeps its clusterer when only a summariser committed, and reads the new pending list', async () => {
    const store = countingLoads(createMemoryStore());
    const [mine, summarizer] = [
      createPipeline({ store, clock: clock() }),
      createPipeline({ store }),
    ];
    for (const batch of batches.slice(0, 3)) {
      await store.upsertArticles(batch);
      await mine.cluster();
      await summarizer.summarize();
    }
    const loads = store.loads;
    await store.upsertArticles(batches[3] ?? []);
    const last = await mine.cluster();
    expect(last.touchedStoryIds).toEqual(cold.touched[3]);
    expect(await store.getStories()).toEqual(cold.stories);
    // One load for the summariser's new state, no restore of a snapshot from it.
    expect(store.loads - loads).toBe(1);
    const pending = (await store.loadPipelineState())?.meta.pendingSummaries ?? {};
    expect(Object.keys(pending).sort()).toEqual([...(cold.touched[3] ?? [])].sort());
  });
});
