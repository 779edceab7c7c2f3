// The demo data's story memberships and summaries, pinned: a change that is meant to alter no
// output proves it here. Work that changes outputs on purpose regenerates the file in its own
// commit: UPDATE_GOLDEN=1 pnpm vitest run --project newsloom test/golden
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutletInput } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/create-pipeline';
import { DEMO_DATA } from '../demo-digest';

const GOLDEN = join(import.meta.dirname, 'demo-outputs.json');

async function demoOutputs() {
  const pipeline = createPipeline({
    store: createMemoryStore(),
    allowFileUrls: true,
    clock: createFixedClock('2026-01-01T00:00:00Z'),
    coverage: { minority: { attributes: ['lean'], attributeSource: 'AllSides' } },
  });
  const outlets = JSON.parse(readFileSync(join(DEMO_DATA, 'outlets.json'), 'utf8'));
  await pipeline.addOutlets(outlets as OutletInput[]);
  await pipeline.ingestOpml(join(DEMO_DATA, 'allsides-2021.opml'));
  await pipeline.cluster();
  await pipeline.summarize();
  // Every story (the edition window aside): memberships and summaries are what is pinned.
  const edition = await pipeline.edition({ all: true });
  await pipeline.close();
  const summaries = new Map(edition.summaries.map((s) => [s.storyId, s]));
  return edition.stories.map((story) => ({
    id: story.id,
    articleIds: story.articleIds,
    summary: createHash('sha256')
      .update(JSON.stringify(summaries.get(story.id) ?? null))
      .digest('hex')
      .slice(0, 16),
  }));
}

it('leaves the demo data’s stories, memberships and summaries as the golden file has them', async () => {
  const outputs = await demoOutputs();
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(GOLDEN, `${JSON.stringify(outputs, null, 1)}\n`);
  }
  expect(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
  expect(outputs.length).toBeGreaterThan(100);
  expect(outputs).toEqual(golden);
}, 120_000);
