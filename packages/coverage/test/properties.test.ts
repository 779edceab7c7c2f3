import type { ArticleId, OutletId, StoryId } from '@newsloom/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeCoverage,
  type CoverageArticle,
  type CoverageInput,
  type CoverageOutlet,
  type CoverageStory,
} from '../src/index';

const TEXTS = [
  'the wire service reported that the minister resigned after a long dispute over the budget and taxes',
  'local officials said the bridge would reopen next week once engineers finished their final inspection',
  'shares fell sharply in early trading as investors weighed the latest figures on inflation and jobs',
];

const articleArb = fc.record({
  outlet: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: 600 }),
  text: fc.integer({ min: 0, max: TEXTS.length }),
});
const storyArb = fc.array(articleArb, { minLength: 1, maxLength: 5 });
const worldArb = fc.record({
  stories: fc.array(storyArb, { minLength: 1, maxLength: 8 }),
  groups: fc.array(fc.option(fc.constantFrom('g1', 'g2'), { nil: undefined }), {
    minLength: 6,
    maxLength: 6,
  }),
  withDuplicateGroups: fc.boolean(),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function buildInput(world: World): Required<CoverageInput> {
  const articles: CoverageArticle[] = [];
  const stories: CoverageStory[] = [];
  world.stories.forEach((members, s) => {
    const ids = members.map((m, i) => {
      const id = `a${s}-${i}` as ArticleId;
      const text = TEXTS[m.text];
      articles.push({
        id,
        outletId: `o${m.outlet}` as OutletId,
        publishedAt: new Date(Date.UTC(2024, 0, 1, 0, m.minute)).toISOString(),
        title: `t${s}-${i}`,
        ...(text === undefined ? { summary: `own words ${s} ${i} `.repeat(3) } : { text }),
      });
      return id;
    });
    const duplicateGroups = world.withDuplicateGroups && ids.length > 1 ? [ids.slice(0, 2)] : [];
    stories.push({ id: `s${s}` as StoryId, articleIds: ids, duplicateGroups });
  });
  const outlets: CoverageOutlet[] = world.groups.map((group, i) => ({
    id: `o${i}` as OutletId,
    ...(group === undefined ? {} : { group }),
    attributes: [{ name: 'lean', value: i % 2 === 0 ? 'left' : 'right' }],
  }));
  return { articles, stories, outlets };
}

const OPTIONS = {
  minority: { attributes: ['lean'], minChars: 0 },
  topHeadlines: { limit: Infinity },
} as const;

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('coverage properties', () => {
  it('does not depend on input order', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (world, seed) => {
        const input = buildInput(world);
        const reordered: CoverageInput = {
          articles: shuffled(input.articles, seed),
          stories: shuffled(input.stories, seed + 1).map((s) => ({
            ...s,
            articleIds: shuffled(s.articleIds, seed + 2),
            duplicateGroups: (s.duplicateGroups ?? []).map((g) => shuffled(g, seed + 3)),
          })),
          outlets: shuffled(input.outlets, seed + 4),
        };
        expect(JSON.stringify(analyzeCoverage(reordered, OPTIONS))).toBe(
          JSON.stringify(analyzeCoverage(input, OPTIONS)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('never gives an exclusive when one outlet covers every story alongside others', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const input = buildInput(world);
        const omni = 'omni' as OutletId;
        const extra = input.stories.map((_story, i) => ({
          id: `omni-${i}` as ArticleId,
          outletId: omni,
          publishedAt: '2024-01-01T05:00:00.000Z',
          title: `omni ${i}`,
        }));
        const stories = input.stories.map((s, i) => ({
          ...s,
          articleIds: [...s.articleIds, extra[i]!.id],
        }));
        const report = analyzeCoverage(
          { ...input, articles: [...input.articles, ...extra], stories },
          OPTIONS,
        );
        const omniEntry = report.uniqueByOutlet.find((u) => u.outletId === omni);
        expect(omniEntry?.storyCount).toBe(stories.length);
        for (const entry of report.uniqueByOutlet) expect(entry.exclusiveStoryIds).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('removes a story when its only outlet is removed, and keeps the others', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 0, max: 5 }), (world, o) => {
        const input = buildInput(world);
        const removed = `o${o}`;
        const before = analyzeCoverage(input, OPTIONS);
        const after = analyzeCoverage(
          { ...input, articles: input.articles.filter((a) => a.outletId !== removed) },
          OPTIONS,
        );
        const outletsOf = (id: string) =>
          new Set(before.matrix.filter((c) => c.storyId === id).map((c) => c.outletId));
        for (const id of Object.keys(before.breadth)) {
          const only = outletsOf(id).size === 1 && outletsOf(id).has(removed as OutletId);
          expect(id in after.breadth).toBe(!only);
          if (only) {
            expect(after.matrix.some((c) => c.storyId === id)).toBe(false);
            expect(after.topHeadlines.some((h) => h.storyId === id)).toBe(false);
            expect(after.minorityReports.some((r) => r.storyId === id)).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps breadth between 1 and the number of outlets of the story', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const report = analyzeCoverage(buildInput(world), OPTIONS);
        for (const [id, breadth] of Object.entries(report.breadth)) {
          const outlets = report.matrix.filter((c) => c.storyId === id).length;
          expect(breadth).toBeGreaterThanOrEqual(1);
          expect(breadth).toBeLessThanOrEqual(outlets);
        }
      }),
    );
  });
});
