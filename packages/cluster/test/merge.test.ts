import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../src/index';

describe('merges', () => {
  it('merges two stories bridged by an article, keeping the older id as the survivor', () => {
    const at = (h: number): string => new Date(Date.UTC(2024, 0, 1, h)).toISOString();
    const first = makeArticle({
      title: 'Harbour bridge closed',
      summary: 'Harbour bridge closed after crash.',
      publishedAt: at(1),
    });
    const second = makeArticle({
      title: 'Ferry service doubled',
      summary: 'Ferry operators doubled crossings.',
      publishedAt: at(2),
    });
    const bridge = makeArticle({
      title: 'Harbour bridge closed, ferry service doubled',
      summary: 'With the harbour bridge closed after a crash, ferry operators doubled crossings.',
      publishedAt: at(3),
    });
    const stories = clusterArticles([first, second, bridge], {
      threshold: 0.2,
      mergeThreshold: 0.1,
    });
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story?.articleIds).toHaveLength(3);
    expect(story?.aliases).toHaveLength(1);
    expect(story?.history.map((e) => e.type)).toEqual(['created', 'merged']);
    expect(story?.history[1]?.articleIds).toEqual([second.id]);
  });
});
