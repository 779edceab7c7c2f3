import { isNewsloomError } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../test/corpus';
import { createPipeline } from './create-pipeline';
import { isNonNewsFeed } from './edition-stage';

// CORPUS: a quake story on 2024-03-05 (last article 09:10) and a second story on 2024-03-07
// (last article 13:45).
async function pipelineAt(now: string) {
  const pipeline = createPipeline({ store: createMemoryStore(), clock: createFixedClock(now) });
  await pipeline.ingestArticles(CORPUS);
  await pipeline.cluster();
  return pipeline;
}

describe('the edition window', () => {
  it('holds the stories updated in the 48 hours before the clock', async () => {
    const pipeline = await pipelineAt('2024-03-08T00:00:00Z');
    const edition = await pipeline.edition();
    expect(edition.stories.map((s) => s.updatedAt)).toEqual(['2024-03-07T13:45:00.000Z']);
    expect(edition.window).toEqual({
      since: '2024-03-06T00:00:00.000Z',
      until: '2024-03-08T00:00:00.000Z',
      hours: 48,
      all: false,
    });
    expect(edition.articles).toHaveLength(2);
  });

  it('anchors at the newest story when nothing is that recent (offline data)', async () => {
    const pipeline = await pipelineAt('2030-01-01T00:00:00Z');
    const edition = await pipeline.edition();
    expect(edition.window?.until).toBe('2024-03-07T13:45:00.000Z');
    expect(edition.stories).toHaveLength(1);
    expect((await pipeline.edition({ windowHours: 72 })).stories).toHaveLength(2);
  });

  it('holds every story with all, or those since a time', async () => {
    const pipeline = await pipelineAt('2030-01-01T00:00:00Z');
    expect((await pipeline.edition({ all: true })).stories).toHaveLength(2);
    const since = await pipeline.edition({ since: '2024-03-05T09:00:00Z' });
    expect(since.stories).toHaveLength(2);
    expect(since.window).toEqual({ since: '2024-03-05T09:00:00Z', all: false });
  });

  it('rejects a window that is not a positive number of hours', async () => {
    const pipeline = await pipelineAt('2024-03-08T00:00:00Z');
    const error = await pipeline.edition({ windowHours: 0 }).catch((e: unknown) => e);
    expect(isNewsloomError(error, 'INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toMatch(/windowHours .* all: true/);
  });
});

describe('news marking', () => {
  it('marks an outlet whose every feed is non-news, and takes its category from its feeds', async () => {
    const pipeline = await pipelineAt('2024-03-08T00:00:00Z');
    await pipeline.addFeeds([
      {
        url: 'https://gamma.example/podcast.xml',
        outlet: 'Gamma Post',
        categories: ['Audio', 'non-news'],
      },
      { url: 'https://beta.example/world.xml', outlet: 'Beta Times', categories: ['World'] },
    ]);
    const { outlets } = await pipeline.edition({ all: true });
    expect(outlets.find((o) => o.name === 'Gamma Post')).toMatchObject({
      news: false,
      category: 'Audio',
    });
    const beta = outlets.find((o) => o.name === 'Beta Times');
    expect(beta).toMatchObject({ category: 'World' });
    expect(beta?.news).toBeUndefined();
  });

  it('reads news: false or the OPML category non-news (any case)', () => {
    expect(isNonNewsFeed({ categories: ['Podcasts', 'Non-News'] })).toBe(true);
    expect(isNonNewsFeed({ categories: [], news: false })).toBe(true);
    expect(isNonNewsFeed({ categories: ['World'] })).toBe(false);
  });
});
