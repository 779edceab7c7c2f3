import type { Article, Story } from '@newsloom/core';
import { createClusterer } from './clusterer';
import type { ClusterOptions } from './options';
import type { AddOptions } from './unplaced';

/**
 * Clusters articles into stories in one call: the same as feeding them, in time order, to
 * {@link createClusterer} one at a time or all at once. Pure: no clock, disk or network (pass
 * `run.now` to check for future dates). Articles it cannot place (see `Clusterer.add`) are in
 * no story; `options.onUnplaced` hears of each.
 *
 * @example
 * ```ts
 * const stories = clusterArticles(articles, { threshold: 0.3 });
 * for (const story of stories) console.log(story.id, story.articleIds.length, story.keyTerms);
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` for invalid options.
 */
export function clusterArticles(
  articles: readonly Article[],
  options: ClusterOptions = {},
  run: AddOptions = {},
): Story[] {
  const clusterer = createClusterer(options);
  clusterer.add(articles, run);
  return clusterer.stories();
}
