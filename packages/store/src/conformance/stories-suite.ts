import type { Story, StoryId } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { article, collect, minute, story } from './builders';
import { type CreateStore, useStore } from './context';

const sid = (id: string) => id as StoryId;
const storyIds = (stories: readonly Story[]) => stories.map((s) => s.id);

/** Stories, membership with merge/split history, and change queries. */
export function describeStories(create: CreateStore): void {
  describe('stories', () => {
    const store = useStore(create);
    const [a1, a2, a3, a4] = [article(1), article(2), article(3), article(4)];

    it('counts upserts and lists stories by updatedAt, then id', async () => {
      const s1 = story('s1', [a1, a3]);
      const s2 = story('s2', [a2]);
      expect(await store().upsertStories([s1, s2])).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      const grown = story('s2', [a2, a4]);
      expect(await store().upsertStories([s1, grown])).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 1,
      });
      expect(storyIds(await store().getStories())).toEqual(['s1', 's2']);
      expect(await store().getStories({ ids: [sid('s2')] })).toEqual([grown]);
      expect(storyIds(await store().getStories({ updatedSince: minute(4) }))).toEqual(['s2']);
      expect(storyIds(await store().getStories({ limit: 1 }))).toEqual(['s1']);
    });

    it('queries the articles of a story in publication order', async () => {
      await store().upsertArticles([a1, a2, a3, a4]);
      await store().upsertStories([story('s1', [a3, a1])]);
      const members = await collect(store().queryArticles({ storyId: sid('s1') }));
      expect(members.map((a) => a.id)).toEqual([a1.id, a3.id]);
      expect(await collect(store().queryArticles({ storyId: sid('nope') }))).toEqual([]);
    });

    it('resolves a merged story to the story that absorbed it', async () => {
      await store().upsertArticles([a1, a2, a3]);
      await store().upsertStories([story('s1', [a1]), story('s2', [a2]), story('s3', [a3])]);
      const history = [
        { type: 'merged' as const, at: minute(20), other: sid('s2'), articleIds: [a2.id] },
      ];
      const merged = story('s1', [a1, a2], { aliases: [sid('s2')], history });
      await store().upsertStories([merged]);
      expect(storyIds(await store().getStories())).toEqual(['s1', 's3']);
      expect(storyIds(await store().getStories({ ids: [sid('s2'), sid('s1')] }))).toEqual(['s1']);
      const viaAlias = await collect(store().queryArticles({ storyId: sid('s2') }));
      expect(viaAlias.map((a) => a.id)).toEqual([a1.id, a2.id]);
      const chain = story('s3', [a1, a2, a3], { aliases: [sid('s1')] });
      await store().upsertStories([chain]);
      const membership = await store().getStoryMembership(sid('s2'));
      expect(membership?.storyId).toBe('s3');
      expect(membership?.aliases).toEqual(['s1', 's2']);
    });

    it('keeps membership and merge/split history', async () => {
      await store().upsertStories([story('s1', [a1, a2, a3])]);
      const history = [
        { type: 'created' as const, at: minute(3), articleIds: [] },
        {
          type: 'spawned' as const,
          at: '2024-01-01T01:00:00Z',
          other: sid('s9'),
          articleIds: [a3.id],
        },
      ];
      await store().upsertStories([story('s1', [a2, a1], { history }), story('s9', [a3])]);
      const membership = await store().getStoryMembership(sid('s1'));
      expect(membership).toEqual({
        storyId: 's1',
        articleIds: [a1.id, a2.id].sort(),
        aliases: [],
        history: [
          { type: 'created', at: minute(3), articleIds: [] },
          { type: 'spawned', at: '2024-01-01T01:00:00.000Z', other: 's9', articleIds: [a3.id] },
        ],
      });
      expect(await store().getStoryMembership(sid('unknown'))).toBeUndefined();
    });

    it('lists stories changed since a time by new articles or by merges and splits', async () => {
      const quiet = story('quiet', [a1]);
      const active = story('active', [a4]);
      const split = story('split', [a2], {
        history: [{ type: 'split', at: minute(30), other: sid('quiet'), articleIds: [a2.id] }],
      });
      await store().upsertStories([quiet, active, split]);
      expect(storyIds(await store().getStoriesChangedSince(minute(4)))).toEqual([
        'active',
        'split',
      ]);
      expect(storyIds(await store().getStoriesChangedSince(minute(31)))).toEqual([]);
    });
  });
}
