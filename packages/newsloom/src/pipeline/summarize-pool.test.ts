import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNewsloomError, type OutletInput } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock, makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { DEMO_DATA } from '../../test/demo-digest';
import { createPipeline } from './create-pipeline';
import type { SummaryJob } from './extractive';
import { createSummaryPool, inThreadRunner } from './summarize-pool';

/** The demo data's stories clustered, as jobs with their members and outlets. */
async function demoJobs() {
  const pipeline = createPipeline({
    store: createMemoryStore(),
    allowFileUrls: true,
    clock: createFixedClock('2026-01-01T00:00:00Z'),
  });
  const outlets = JSON.parse(readFileSync(join(DEMO_DATA, 'outlets.json'), 'utf8'));
  await pipeline.addOutlets(outlets as OutletInput[]);
  await pipeline.ingestOpml(join(DEMO_DATA, 'allsides-2021.opml'));
  await pipeline.cluster();
  const stories = await pipeline.store.getStories();
  const articles = await pipeline.store.getArticlesByIds(stories.flatMap((s) => s.articleIds));
  const byId = new Map(articles.map((a) => [a.id as string, a]));
  const jobs: SummaryJob[] = stories.map((story) => ({
    story,
    articles: story.articleIds.flatMap((id) => byId.get(id) ?? []),
  }));
  const stored = await pipeline.store.listOutlets();
  await pipeline.close();
  return { jobs, outlets: stored };
}

describe('summarise pool', () => {
  it('gives byte for byte the summaries of the in-thread path, in the order of the jobs', async () => {
    const { jobs, outlets } = await demoJobs();
    expect(jobs.length).toBeGreaterThan(300);
    // A previous summary on some jobs exercises "what is new" across the thread boundary.
    const inThread = await inThreadRunner({}, outlets).run(jobs);
    const withPrevious = jobs.map((job, i) =>
      i % 3 === 0 ? { ...job, previous: inThread[i] } : job,
    );
    const expected = await inThreadRunner({}, outlets).run(withPrevious);
    const pool = createSummaryPool(2, {}, outlets);
    try {
      const [first, second] = await Promise.all([
        pool.run(withPrevious),
        pool.run(jobs.slice(0, 40)),
      ]);
      expect(JSON.stringify(first)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(second)).toBe(JSON.stringify(inThread.slice(0, 40)));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("rejects with the summariser's error code when a job is invalid, and keeps working", async () => {
    const article = makeArticle({
      title: 'Flood closes bridge',
      text: 'The river rose overnight.',
    });
    const story = makeStory([article]);
    const pool = createSummaryPool(1, {}, []);
    try {
      const failed = await pool.run([{ story, articles: [] }]).catch((error: unknown) => error);
      expect(isNewsloomError(failed, 'INVALID_INPUT')).toBe(true);
      expect((failed as Error).message).toContain('summarise worker');
      expect(await pool.run([{ story, articles: [article] }])).toHaveLength(1);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
