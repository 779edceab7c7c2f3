import type { Article, Outlet, Story } from '@newsloom/core';

/**
 * The parts of an {@link Article} coverage analysis reads. Any `Article` fits; benchmarks and
 * scripts may pass lighter objects.
 */
export type CoverageArticle = Pick<Article, 'id' | 'outletId' | 'publishedAt' | 'title'> &
  Partial<Pick<Article, 'summary' | 'text'>>;

/** The parts of a {@link Story} coverage analysis reads. Any `Story` fits. */
export type CoverageStory = Pick<Story, 'id' | 'articleIds'> &
  Partial<Pick<Story, 'duplicateGroups'>>;

/** The parts of an {@link Outlet} coverage analysis reads. Any `Outlet` fits. */
export type CoverageOutlet = Pick<Outlet, 'id'> &
  Partial<Pick<Outlet, 'group' | 'domain' | 'attributes'>>;

/** What {@link analyzeCoverage} analyses. Outlets are optional: unknown ones are their own family. */
export interface CoverageInput {
  articles: readonly CoverageArticle[];
  stories: readonly CoverageStory[];
  outlets?: readonly CoverageOutlet[];
}
