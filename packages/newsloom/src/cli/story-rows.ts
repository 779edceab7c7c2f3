import type { Edition } from '@newsloom/core';
import {
  createEditionView,
  storyArticles,
  storyHeadline,
  storyOutletIds,
} from '../digest/edition-view';

/** The score components every story row carries, each a column of its own name. */
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
  ...COMPONENTS,
  'articles',
  'outlets',
  'firstSeen',
  'lastSeen',
  'createdAt',
  'updatedAt',
] as const;

/**
 * One row per story of an edition ranked in full (every story has a rank): headline, score and
 * its components, article and outlet counts, first and last publication times.
 * @example stringifyJsonl(storyRows(edition))
 */
export function storyRows(edition: Edition): Record<string, string | number>[] {
  const view = createEditionView(edition);
  const ranked = new Map(edition.coverage.topHeadlines.map((t) => [t.storyId, t]));
  const rows = edition.stories.map((story) => {
    const top = ranked.get(story.id);
    const times = storyArticles(view, story)
      .map((a) => a.publishedAt)
      .sort();
    const values: Record<string, string | number> = {
      ...top?.components,
      id: story.id,
      headline: storyHeadline(view, story.id),
      rank: top?.rank ?? '',
      score: top?.score ?? '',
      articles: story.articleIds.length,
      outlets: storyOutletIds(view, story).length,
      firstSeen: times[0] ?? '',
      lastSeen: times.at(-1) ?? '',
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
    };
    // The columns, in their order: the same in CSV and JSONL.
    return Object.fromEntries(STORY_COLUMNS.map((column) => [column, values[column] ?? '']));
  });
  return rows.sort((a, b) => Number(a.rank || Infinity) - Number(b.rank || Infinity));
}
