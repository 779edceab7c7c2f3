// A synthetic news world for the benchmark: deterministic (seeded), sized by the caller.
import type { ArticleId, OutletId, StoryId } from '@newsloom/core';
import { seededRandom } from '@newsloom/testing';
import type { CoverageArticle, CoverageOutlet, CoverageStory } from '../src/index';

const WORDS = (
  'minister budget court vote storm market police border school vaccine union strike election ' +
  'senate rates oil climate summit trade tariff fire flood court judge appeal protest energy grid ' +
  'hospital nurses pension bank shares inflation jobs housing rent bridge rail airport port harbour'
).split(' ');

/** Sizes of the world. */
export interface WorldSize {
  articles: number;
  outlets: number;
  stories: number;
}

/** The world: outlets (10% in families, all with a lean), stories, articles with ~35-word summaries. */
export function buildWorld(size: WorldSize, seed = 42) {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const outlets: CoverageOutlet[] = [];
  for (let i = 0; i < size.outlets; i += 1) {
    outlets.push({
      id: `outlet-${i}` as OutletId,
      ...(i % 10 === 0 ? { group: `family-${Math.floor(i / 40)}` } : {}),
      attributes: [
        { name: 'lean', value: ['left', 'center', 'right'][i % 3] as string, source: 'Synthetic' },
      ],
    });
  }
  const start = Date.UTC(2024, 0, 1);
  const articles: CoverageArticle[] = [];
  const stories: CoverageStory[] = [];
  const summary = () => Array.from({ length: 35 }, () => WORDS[pick(WORDS.length)]).join(' ');
  for (let s = 0; s < size.stories; s += 1) {
    // Sizes 1…(2·mean−1), so the mean is articles / stories.
    const count =
      s === size.stories - 1
        ? size.articles - articles.length
        : 1 + pick((2 * size.articles) / size.stories - 1);
    const t0 = start + pick(30 * 86_400_000);
    const ids: ArticleId[] = [];
    const wire = summary();
    for (let k = 0; k < Math.max(1, count); k += 1) {
      const id = `a-${articles.length}` as ArticleId;
      // Zipf-like outlet choice: a few big outlets carry most stories.
      const outlet = Math.floor(size.outlets * random() ** 3);
      const syndicated = k > 0 && random() < 0.2;
      articles.push({
        id,
        outletId: `outlet-${outlet}` as OutletId,
        title: `Story ${s} article ${k}`,
        summary: syndicated ? wire : summary(),
        publishedAt: new Date(t0 + pick(36 * 3_600_000)).toISOString(),
      });
      ids.push(id);
    }
    // Half the stories carry duplicate groups (as the clusterer gives them); the rest are fingerprinted.
    const duplicateGroups = s % 2 === 0 && ids.length > 2 ? [ids.slice(0, 2)] : [];
    stories.push({ id: `story-${s}` as StoryId, articleIds: ids, duplicateGroups });
  }
  return { articles, stories, outlets };
}
