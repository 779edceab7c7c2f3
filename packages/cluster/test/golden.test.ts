import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';
import { DEMO_FEEDS, demoArticles } from './demo-articles';

// Story memberships of the demo data with the default options: one line per story, `<story id>
// <article ids>`, by story id. Work that changes outputs on purpose regenerates it in its own
// commit: UPDATE_GOLDEN=1 pnpm vitest run --project cluster test/golden.test.ts
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden/demo-stories.txt');

const memberships = (stories: readonly Story[]): string =>
  stories
    .map((s) => `${s.id} ${s.articleIds.join(',')}`)
    .sort()
    .join('\n')
    .concat('\n');

describe.skipIf(!existsSync(DEMO_FEEDS))('golden story memberships of the demo data', () => {
  const articles = demoArticles();
  const batch = memberships(clusterArticles(articles));

  it('match the committed golden file', () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, batch);
    expect(articles.length).toBeGreaterThan(900);
    expect(batch).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('are the same when streamed in batches through JSON snapshots', () => {
    const sorted = [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const closed: Story[] = [];
    let clusterer = createClusterer({ keepClosed: false, onStoryClosed: (s) => closed.push(s) });
    for (let i = 0; i < sorted.length; i += 97) {
      expect(clusterer.add(sorted.slice(i, i + 97)).unplaced).toEqual([]);
      const saved = JSON.parse(JSON.stringify(clusterer.snapshot()));
      clusterer = createClusterer({ keepClosed: false, onStoryClosed: (s) => closed.push(s) });
      clusterer.restore(saved);
    }
    expect(memberships([...closed, ...clusterer.stories()])).toBe(batch);
  });
});
