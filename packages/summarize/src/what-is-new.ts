import type { Article, StorySummary, WhatIsNew } from '@newsloom/core';

/**
 * What changed since `previous` (the story's last summary): the articles added since. Known from
 * the previous summary's `articleIds`; a summary stored before those were kept tells by
 * publication time (after the previous update and not among its sources).
 *
 * @example
 * ```ts
 * whatIsNewSince(previous, members)?.newArticleIds.length; // 3
 * ```
 */
export function whatIsNewSince(
  previous: StorySummary | undefined,
  members: readonly Article[],
): WhatIsNew | undefined {
  if (!previous) return undefined;
  const known = new Set(previous.articleIds);
  const cited = new Set(previous.sources.map((s) => s.articleId));
  const since = Date.parse(previous.updatedAt);
  const isNew = (a: Article): boolean =>
    known.size > 0 ? !known.has(a.id) : !cited.has(a.id) && Date.parse(a.publishedAt) > since;
  return {
    since: previous.updatedAt,
    previousArticleCount: previous.articleCount,
    newArticleIds: members.filter(isNew).map((a) => a.id),
  };
}
