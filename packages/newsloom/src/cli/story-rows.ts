import type { Edition } from '@newsloom/core';
import {
  createEditionView,
  storyArticles,
  storyHeadline,
  storyOutletIds,
} from '../digest/edition-view';

/** The score components every story row carries, as columns `score_<component>`. */
const COMPONENTS = [
  'breadth',
  'breadthScore',
  'velocity',
  'velocityScore',
  'ageHours',
  'recency',
  'size',
  'sizeScore',
] as const;

/**
 * The columns of `newsloom export --what stories`, the same in CSV and JSONL.
 * @example STORY_COLUMNS[0] // 'id'
 */
export const STORY_COLUMNS = [
  'id',
  'headline',
  'rank',
  'score',
  ...COMPONENTS.map((c) => `score_${c}`),
  'articles',
  'outlets',
  'first_seen',
  'last_seen',
  'created_at',
  'updated_at',
] as const;

/**
 * One row per story of an edition ranked in full (every story has a rank): headline, score and
 * its components, article and outlet counts, first and last publication times.
 * @example stringifyJsonl(storyRows(edition))
 */
export function storyRows(edition: Edition): Record<string, string | number>[] {
  const view = createEditionView(edition);
  const ranked = new Map(edition.coverage.topHeadlines.map((t) => [t.storyId, t]));
  return edition.stories
    .map((story) => {
      const top = ranked.get(story.id);
      const times = storyArticles(view, story)
        .map((a) => a.publishedAt)
        .sort();
      const components = Object.fromEntries(
        COMPONENTS.map((c) => [`score_${c}`, top?.components[c] ?? '']),
      );
      return {
        id: story.id,
        headline: storyHeadline(view, story.id),
        rank: top?.rank ?? '',
        score: top?.score ?? '',
        ...components,
        articles: story.articleIds.length,
        outlets: storyOutletIds(view, story).length,
        first_seen: times[0] ?? '',
        last_seen: times.at(-1) ?? '',
        created_at: story.createdAt,
        updated_at: story.updatedAt,
      };
    })
    .sort((a, b) => Number(a.rank || Infinity) - Number(b.rank || Infinity));
}
