import { type ClusterOptions, clusterArticles, type UnplacedArticle } from '@newsloom/cluster';
import type { Article, ArticleStore, QuarantineEntry, Story } from '@newsloom/core';

const DAY = 86_400_000;
/** How far back a late article is looked up in the stories before it is quarantined. */
const PLACED_LOOKBACK_MS = 30 * DAY;

/** Where the articles the clusterer left out went. */
export interface Placement {
  /** Stories made of late articles (clustered among themselves; closed from the start). */
  lateStories: Story[];
  /** Articles that could not be placed at all (future, before 1970, invalid), kept and listed. */
  quarantined: QuarantineEntry[];
}

/**
 * Places the articles the clusterer left out. A `too-late` article (older than the active
 * window behind the newest article seen, e.g. the back catalogue of a feed added today) is
 * never lost: the late articles of a run are clustered among themselves, in publication order,
 * into stories of their own (they cannot join stories already closed and dropped from the
 * snapshot). A late article a story already holds (an edit of an article clustered before) stays
 * where it is. What is left (future-dated, before 1970, invalid) becomes quarantine entries
 * stamped with the run's clock. Stories are looked up only as far back as the late articles
 * (and at most 30 days before the newest of them), never the archive.
 * @example const { lateStories, quarantined } = await placeUnplaced(store, unplaced, times, at, {})
 */
export async function placeUnplaced(
  store: ArticleStore,
  unplaced: readonly UnplacedArticle[],
  publishedAt: ReadonlyMap<string, number>,
  at: string,
  options: ClusterOptions,
): Promise<Placement> {
  const late = unplaced.filter((u) => u.reason === 'too-late');
  const placed = await alreadyPlaced(store, late, publishedAt);
  const toPlace = late.filter((u) => !placed.has(u.articleId));
  const lateStories = await clusterLate(store, toPlace, publishedAt, options);
  const quarantined = unplaced
    .filter((u) => u.reason !== 'too-late')
    .map((u) => ({ articleId: u.articleId, reason: u.reason, detail: u.detail, at }));
  return { lateStories, quarantined };
}

async function clusterLate(
  store: ArticleStore,
  late: readonly UnplacedArticle[],
  publishedAt: ReadonlyMap<string, number>,
  options: ClusterOptions,
): Promise<Story[]> {
  if (late.length === 0) return [];
  const articles = await store.getArticlesByIds(late.map((u) => u.articleId));
  const time = (a: Article) => publishedAt.get(a.id) ?? Date.parse(a.publishedAt);
  articles.sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return clusterArticles(articles, options);
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
