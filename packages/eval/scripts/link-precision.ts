import type { Article, Story } from '@newsloom/core';
import { quickEntities } from '@newsloom/text';

// A story's salient entities: the 5 named entities (capitalised runs) most frequent across its
// articles' titles and summaries, each counted once per article, ties by name.
function salient(story: Story, byId: ReadonlyMap<string, Article>): Set<string> {
  const counts = new Map<string, number>();
  for (const id of story.articleIds) {
    const a = byId.get(id);
    if (!a) continue;
    for (const e of new Set(quickEntities(`${a.title}. ${a.summary ?? ''}`))) {
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
  }
  const top = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 5);
  return new Set(top.map(([e]) => e));
}

/**
 * Precision of the "stories about this story" links (`relatedIds`, each unordered pair once): a
 * link is wrong when the two stories' articles share no gold story and the stories share no
 * salient entity (see `salient`). Also the links per story (mean, max).
 */
export function linkPrecision(
  stories: readonly Story[],
  articles: readonly Article[],
  gold: ReadonlyMap<string, string>,
): { links: number; precision: number; meanPerStory: number; maxPerStory: number } {
  const byId = new Map(articles.map((a) => [a.id as string, a]));
  const byStory = new Map(stories.map((s) => [s.id as string, s]));
  const entities = new Map<string, Set<string>>();
  const salientOf = (s: Story) => {
    const found = entities.get(s.id) ?? salient(s, byId);
    entities.set(s.id, found);
    return found;
  };
  const seen = new Set<string>();
  let right = 0;
  for (const s of stories) {
    for (const otherId of s.relatedIds) {
      const other = byStory.get(otherId);
      const key = s.id < otherId ? `${s.id} ${otherId}` : `${otherId} ${s.id}`;
      if (!other || seen.has(key)) continue;
      seen.add(key);
      const golds = new Set(s.articleIds.map((id) => gold.get(id)));
      const sameGold = other.articleIds.some((id) => golds.has(gold.get(id)));
      const a = salientOf(s);
      const sharedEntity = [...salientOf(other)].some((e) => a.has(e));
      if (sameGold || sharedEntity) right += 1;
    }
  }
  const per = stories.map((s) => s.relatedIds.length);
  return {
    links: seen.size,
    precision: seen.size === 0 ? 1 : right / seen.size,
    meanPerStory: per.reduce((x, y) => x + y, 0) / Math.max(1, per.length),
    maxPerStory: Math.max(0, ...per),
  };
}
