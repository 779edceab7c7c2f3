import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { CORPUS, FOLLOW_UP } from '../../test/corpus';
import { createPipeline } from './create-pipeline';

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
    const { cluster, summarize, edition } = await pipeline.run({ fetch: false });
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
    const first = await pipeline.run({ fetch: false });
    await pipeline.ingestArticles([FOLLOW_UP]);
    const second = await pipeline.run({ fetch: false });
    expect(second.cluster.newArticles).toBe(1);
    expect(second.cluster.touchedStoryIds).toHaveLength(1);
    expect(second.summarize).toMatchObject({ summarized: 1, unchanged: 1 });
    expect(second.edition.stories.map((s) => s.id).sort()).toEqual(
      first.edition.stories.map((s) => s.id).sort(),
    );
    const quake = second.edition.stories.find((s) => s.id === second.cluster.touchedStoryIds[0]);
    expect(quake?.articleIds).toHaveLength(4);
    const third = await pipeline.run({ fetch: false });
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
