import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../src/index';
import { harbourFerryChain } from './fixtures';

describe('merges', () => {
  it('merges two stories bridged by an article, keeping the older id as the survivor', () => {
    const {
      harbour: first,
      ferry: second,
      bridge,
    } = harbourFerryChain(
      { harbour: 1, ferry: 2, bridge: 3 },
      'With the harbour bridge closed after a crash, ferry operators doubled crossings.',
    );
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
