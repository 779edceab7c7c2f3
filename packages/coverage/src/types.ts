import type { Article, Outlet, Story } from '@newsloom/core';

/**
 * The parts of an {@link Article} coverage analysis reads. Any `Article` fits; benchmarks and
 * scripts may pass lighter objects.
 * @example
 * const light: CoverageArticle = { id, outletId, publishedAt: '2021-04-22T14:00:00.000Z', title: 'x' }
 */
export type CoverageArticle = Pick<Article, 'id' | 'outletId' | 'publishedAt' | 'title'> &
  Partial<Pick<Article, 'summary' | 'text'>>;

/**
 * The parts of a {@link Story} coverage analysis reads. Any `Story` fits.
 * @example
 * const story: CoverageStory = { id, articleIds: [a1, a2], duplicateGroups: [[a1, a2]] }
 */
export type CoverageStory = Pick<Story, 'id' | 'articleIds'> &
  Partial<Pick<Story, 'duplicateGroups'>>;

/**
 * The parts of an {@link Outlet} coverage analysis reads. Any `Outlet` fits. `news: false`
 * keeps the outlet's stories out of minority reports and exclusives.
 * @example
 * const outlet: CoverageOutlet = { id, group: 'bbc', attributes: [{ name: 'lean', value: 'center', source: 'AllSides' }] }
 */
export type CoverageOutlet = Pick<Outlet, 'id'> &
  Partial<Pick<Outlet, 'group' | 'domain' | 'attributes' | 'news'>>;

/**
 * What {@link analyzeCoverage} analyses. Outlets are optional: unknown ones are their own family.
 * @example
 * const input: CoverageInput = { articles, stories: clusterArticles(articles), outlets }
 */
export interface CoverageInput {
  articles: readonly CoverageArticle[];
  stories: readonly CoverageStory[];
  outlets?: readonly CoverageOutlet[];
}
