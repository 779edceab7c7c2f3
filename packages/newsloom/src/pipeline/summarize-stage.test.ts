import type { ArticleStore, Story } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock, makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { createPipeline } from './create-pipeline';
import { extractiveSummary } from './extractive';
import { storyKey } from './pending';

/** Marks every story as due, as a cluster run that touched them all would. */
async function markPending(store: ArticleStore, stories: readonly Story[], revision: number) {
  const pending = Object.fromEntries(stories.map((story) => [story.id, storyKey(story)]));
  await store.commitClusterRun({
    stories: revision === 0 ? stories : [],
    state: {
      schemaVersion: 1,
      revision,
      watermark: 0,
      clusterer: null,
      updatedAt: '2024-02-01T00:00:00Z',
      meta: { pendingSummaries: pending },
    },
    expectedRevision: revision === 0 ? undefined : revision - 1,
  });
}

/** A store with `count` one-article stories, all due. */
async function pendingStories(count: number) {
  const store = createMemoryStore();
  const articles = Array.from({ length: count }, (_, i) =>
    makeArticle({
      title: `Council ${i} approves the new budget for schools`,
      summary: `The council of district ${i} approved a budget of ${i + 2} million dollars on Monday. Schools get most of it.`,
    }),
  );
  await store.upsertArticles(articles);
  const stories = articles.map((article) => makeStory([article]));
  await markPending(store, stories, 0);
  return { store, stories, articles };
}

describe('summarise stage', () => {
  it('summarises every due story of a run longer than one read chunk once, as one story alone would be, and clears the pending list', async () => {
    // 2,000 due ids are read at a time: 2,300 stories take two chunks and several windows.
    const { store, stories, articles } = await pendingStories(2300);
    const progress: number[] = [];
    const pipeline = createPipeline({
      store,
      clock: createFixedClock('2024-02-01T00:00:00Z'),
      summarizeThreads: 1,
      onProgress: (p) => {
        if (p.stage === 'summarize') progress.push(p.done);
      },
    });
    const result = await pipeline.summarize();
    expect(result).toMatchObject({ summarized: 2300, unchanged: 0 });
    const saved = await store.getSummaries(stories.map((story) => story.id));
    expect(saved).toHaveLength(2300);
    for (const index of [0, 1999, 2000, 2299]) {
      const story = stories[index];
      const article = articles[index];
      if (!story || !article) throw new Error('fixture');
      const alone = extractiveSummary({ story, articles: [article] }, {}, []);
      expect(saved.find((s) => s.storyId === story.id)).toEqual(alone);
    }
    expect(progress.at(-1)).toBe(2300);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const state = await store.loadPipelineState();
    expect(state?.meta.pendingSummaries).toEqual({});
    // Due again with the same content: every summary, in either chunk, is found current.
    await markPending(store, stories, (state?.revision ?? 0) + 1);
    expect(await pipeline.summarize()).toMatchObject({ summarized: 0, unchanged: 2300 });
    await pipeline.close();
  }, 60_000);
});
