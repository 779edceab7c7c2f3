import type { UnplacedArticle } from '@newsloom/cluster';
import type { ArticleStore, QuarantineEntry } from '@newsloom/core';

const DAY = 86_400_000;
/** How far back a late article is looked up in the stories before it is quarantined. */
const PLACED_LOOKBACK_MS = 30 * DAY;

/**
 * Turns the articles the clusterer could not place into quarantine entries stamped with the
 * run's clock. A `too-late` article that a story already holds (an edit of an article clustered
 * before, ingested again with a new sequence) stays where it is and is not quarantined; the
 * stories are looked up only as far back as the late articles (and at most 30 days before the
 * newest of them), never the archive.
 * @example const quarantined = await quarantineOf(store, unplaced, publishedAt, isoNow(clock))
 */
export async function quarantineOf(
  store: ArticleStore,
  unplaced: readonly UnplacedArticle[],
  publishedAt: ReadonlyMap<string, number>,
  at: string,
): Promise<QuarantineEntry[]> {
  const late = unplaced.filter((u) => u.reason === 'too-late');
  const placed = await alreadyPlaced(store, late, publishedAt);
  return unplaced
    .filter((u) => !placed.has(u.articleId))
    .map((u) => ({ articleId: u.articleId, reason: u.reason, detail: u.detail, at }));
}

async function alreadyPlaced(
  store: ArticleStore,
  late: readonly UnplacedArticle[],
  publishedAt: ReadonlyMap<string, number>,
): Promise<Set<string>> {
  const times = late.flatMap((u) => publishedAt.get(u.articleId) ?? []);
  const newest = times.reduce((max, t) => Math.max(max, t), Number.NEGATIVE_INFINITY);
  const recent = times.filter((t) => t >= newest - PLACED_LOOKBACK_MS);
  if (recent.length === 0) return new Set();
  const since = recent.reduce((min, t) => Math.min(min, t), Number.POSITIVE_INFINITY);
  const wanted = new Set(late.map((u) => u.articleId as string));
  const found = new Set<string>();
  for (const story of await store.getStories({ updatedSince: new Date(since).toISOString() })) {
    for (const id of story.articleIds) if (wanted.has(id)) found.add(id);
  }
  return found;
}
