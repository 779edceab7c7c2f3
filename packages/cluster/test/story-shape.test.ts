import { type Article, type Story, StorySchema } from '@newsloom/core';
import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { type ClusterOptions, clusterArticles, createClusterer } from '../src/index';
import { fixtureArticles, harbourFerryChain } from './fixtures';

// Stories are built in the shape StorySchema.parse returns (key order, defaults, fresh arrays)
// without parsing each one; these cases cover created, merged, split and spawned histories,
// storylines, near-duplicate groups and closed stories.
const chain = harbourFerryChain(
  { harbour: 1, bridge: 2, ferry: 3 },
  'With the harbour bridge closed, ferry operators doubled crossings.',
);
const laterFerry = makeArticle({
  title: 'Ferry service doubled again',
  summary: 'Ferry operators doubled crossings again.',
  publishedAt: new Date(Date.UTC(2024, 0, 1, 4)).toISOString(),
});
const chained = [chain.harbour, chain.bridge, chain.ferry, laterFerry];
const cases: Array<[string, Article[], ClusterOptions]> = [
  ['fixtures', fixtureArticles(), {}],
  ['fixtures, short window (closed stories)', fixtureArticles(), { activeWindowHours: 6 }],
  ['merge', [chain.harbour, chain.ferry, chain.bridge], { threshold: 0.2, mergeThreshold: 0.1 }],
  ['output split', chained, { threshold: 0.05, averageLink: 0, splitThreshold: 0.9 }],
  ['regroup', chained, { threshold: 0.05, averageLink: 0, regroupThreshold: 0.9 }],
];

describe('story shape', () => {
  it.each(cases)('every story is what StorySchema.parse makes of it (%s)', (_, articles, o) => {
    const stories = clusterArticles(articles, o);
    expect(stories.length).toBeGreaterThan(0);
    for (const story of stories) {
      const parsed = StorySchema.parse(story);
      expect(parsed).toStrictEqual(story);
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(story));
    }
  });

  it('returns stories that share no arrays with the clusterer state', () => {
    const clusterer = createClusterer({ threshold: 0.05, averageLink: 0, regroupThreshold: 0.9 });
    clusterer.add(chained);
    const before = JSON.stringify(clusterer.stories());
    const scribble = (s: Story) => {
      s.history[0]?.articleIds.push(s.articleIds[0] as Story['articleIds'][number]);
      s.history.push({ type: 'created', at: s.createdAt, articleIds: [] });
      s.aliases.push(s.id);
      s.relatedIds.push(s.id);
    };
    clusterer.stories().forEach(scribble);
    expect(JSON.stringify(clusterer.stories())).toBe(before);
  });
});
