import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';
import { harbourFerryChain } from './fixtures';

describe('splits', () => {
  // A chain: the middle article shares words with both ends, which share none with each other.
  const {
    harbour: first,
    bridge,
    ferry: last,
  } = harbourFerryChain(
    { harbour: 1, bridge: 2, ferry: 3 },
    'With the harbour bridge closed, ferry operators doubled crossings.',
  );
  const options = { threshold: 0.05, averageLink: 0 };
  // A fourth article: regrouping starts once a story has four members.
  const laterFerry = makeArticle({
    title: 'Ferry service doubled again',
    summary: 'Ferry operators doubled crossings again.',
    publishedAt: new Date(Date.UTC(2024, 0, 1, 4)).toISOString(),
  });

  it('keeps a chained story whole by default', () => {
    expect(clusterArticles([first, bridge, last], options)).toHaveLength(1);
  });

  it('splits members that share no words, recording the parent on both sides', () => {
    const stories = clusterArticles([first, bridge, last], { ...options, splitThreshold: 0.9 });
    expect(stories.length).toBeGreaterThan(1);
    const [parent, child] = stories;
    expect(parent?.articleIds).toContain(first.id);
    expect(child?.history[0]).toMatchObject({ type: 'split', other: parent?.id });
    expect(child?.parentId).toBe(parent?.id);
    expect(parent?.history.map((e) => e.type)).toContain('spawned');
  });

  it('regroups a growing story while streaming: the first member keeps the id', () => {
    const regroup = { ...options, regroupThreshold: 0.9 };
    const stories = clusterArticles([first, bridge, last, laterFerry], regroup);
    expect(stories.length).toBeGreaterThan(1);
    const parent = stories.find((s) => s.articleIds.includes(first.id));
    const child = stories.find((s) => !s.articleIds.includes(first.id));
    expect(parent?.history[0]?.type).toBe('created');
    expect(parent?.history.map((e) => e.type)).toContain('spawned');
    expect(child?.history[0]).toMatchObject({ type: 'split', other: parent?.id });
    expect(child?.parentId).toBe(parent?.id);
    expect(parent?.relatedIds).toContain(child?.id);
    // Streaming one by one and through a JSON snapshot gives the same stories, byte for byte.
    const streamed = createClusterer(regroup);
    streamed.add([first]);
    const saved = JSON.parse(JSON.stringify(streamed.snapshot()));
    const resumed = createClusterer(regroup);
    resumed.restore(saved);
    resumed.add([bridge]);
    resumed.add([last, laterFerry]);
    expect(JSON.stringify(resumed.stories())).toBe(JSON.stringify(stories));
  });

  it('does not regroup a story of three (too few to tell two groups from one loose member)', () => {
    expect(
      clusterArticles([first, bridge, last], { ...options, regroupThreshold: 0.9 }),
    ).toHaveLength(1);
  });

  it('turns regrouping off with regroupThreshold 0', () => {
    expect(
      clusterArticles([first, bridge, last, laterFerry], { ...options, regroupThreshold: 0 }),
    ).toHaveLength(1);
  });
});
