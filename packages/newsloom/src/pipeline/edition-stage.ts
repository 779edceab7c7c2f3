import {
  type Article,
  type ArticleStore,
  type Edition,
  type EditionWindow,
  type Feed,
  NewsloomError,
  type Outlet,
  type Story,
} from '@newsloom/core';
import { analyzeCoverage } from '@newsloom/coverage';
import { isoNow, type PipelineContext } from './context';

/** Options of `Pipeline.edition`. */
export interface EditionOptions {
  /** Only stories updated at or after this time (ISO 8601 UTC); overrides the window. */
  since?: string;
  /**
   * Hours of the edition window: stories updated within this many hours before its anchor.
   * The anchor is the clock, or the newest story when nothing is that recent (offline data).
   * Default `48`.
   */
  windowHours?: number;
  /** Every story, whatever its age. Default `false`. */
  all?: boolean;
}

const HOUR_MS = 3_600_000;
/** The OPML category (any case) that marks a feed as not news. */
const NON_NEWS = new Set(['non-news', 'nonnews', 'not-news']);

/**
 * True when a feed is not news: `news: false`, or the OPML category `non-news`.
 * @example isNonNewsFeed({ ...feed, categories: ['Podcasts', 'non-news'] }) // true
 */
export function isNonNewsFeed(feed: Pick<Feed, 'news' | 'categories'>): boolean {
  return feed.news === false || feed.categories.some((c) => NON_NEWS.has(c.toLowerCase()));
}

/**
 * Outlets as the edition shows them: every outlet of the articles, an outlet whose every feed
 * is non-news marked `news: false`, and a `category` from its feeds' first OPML category.
 */
function editionOutlets(stored: readonly Outlet[], articles: readonly Article[], feeds: Feed[]) {
  const byId = new Map(stored.map((o) => [o.id, o]));
  for (const article of articles) {
    if (byId.has(article.outletId)) continue;
    const name = article.outletName ?? article.outletId;
    byId.set(article.outletId, { id: article.outletId, name, attributes: [], meta: {} });
  }
  const feedsOf = new Map<string, Feed[]>();
  for (const feed of feeds)
    feedsOf.set(feed.outletId, [...(feedsOf.get(feed.outletId) ?? []), feed]);
  return [...byId.values()]
    .map((outlet) => {
      const own = feedsOf.get(outlet.id) ?? [];
      const marked: Outlet = { ...outlet };
      if (own.length > 0 && own.every(isNonNewsFeed)) marked.news = outlet.news ?? false;
      const category = own.flatMap((f) => f.categories).find((c) => !NON_NEWS.has(c.toLowerCase()));
      if (outlet.category === undefined && category) marked.category = category;
      return marked;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function checkedHours(hours: number): number {
  if (hours > 0 && Number.isFinite(hours)) return hours;
  throw new NewsloomError(
    'INVALID_INPUT',
    `edition: windowHours must be a positive number of hours (got ${hours}); use all: true for every story`,
    { details: { option: 'windowHours' } },
  );
}

const latest = (stories: readonly Story[]) =>
  stories
    .map((s) => s.updatedAt)
    .sort()
    .at(-1) ?? '';

/**
 * The stories of the edition window and the window itself. Reads only stories updated in the
 * window; when nothing is that recent (offline data) it widens the search by doubling, then
 * anchors the window at the newest story.
 */
async function windowStories(
  store: ArticleStore,
  nowMs: number,
  options: EditionOptions,
): Promise<{ stories: Story[]; window: EditionWindow }> {
  if (options.all) return { stories: await store.getStories(), window: { all: true } };
  if (options.since !== undefined) {
    const stories = await store.getStories({ updatedSince: options.since });
    return { stories, window: { since: options.since, all: false } };
  }
  const hours = checkedHours(options.windowHours ?? 48);
  const iso = (ms: number) => new Date(ms).toISOString();
  let found = await store.getStories({ updatedSince: iso(nowMs - hours * HOUR_MS) });
  let anchorMs = nowMs;
  // 2^20 windows of 48 h is over 10,000 years: every story ever dated is found by then.
  for (let k = 1; found.length === 0 && k <= 20; k += 1) {
    const probe = await store.getStories({ updatedSince: iso(nowMs - hours * HOUR_MS * 2 ** k) });
    if (probe.length === 0) continue;
    anchorMs = Math.min(nowMs, Date.parse(latest(probe)));
    found = await store.getStories({ updatedSince: iso(anchorMs - hours * HOUR_MS) });
  }
  const window = {
    since: iso(anchorMs - hours * HOUR_MS),
    until: iso(anchorMs),
    hours,
    all: false,
  };
  return { stories: found, window };
}

/** The window stories' articles, fetched by id (publication order, then id). */
async function memberArticles(store: ArticleStore, stories: readonly Story[]): Promise<Article[]> {
  if (stories.length === 0) return [];
  const ids = [...new Set(stories.flatMap((s) => s.articleIds))];
  const articles = await store.getArticlesByIds(ids);
  return articles.sort(
    (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
  );
}

/**
 * Scores coverage over the stories of the edition window (default: the 48 hours before the
 * newest story or the clock, whichever is earlier), saves the coverage snapshot and assembles
 * the {@link Edition} the digest renders.
 * @example const edition = await buildEdition(context, { windowHours: 24 })
 * @throws {NewsloomError} `INVALID_INPUT` for a window that is not a positive number of hours.
 */
export async function buildEdition(
  context: PipelineContext,
  options: EditionOptions = {},
): Promise<Edition> {
  const { store } = context;
  const selected = await windowStories(store, context.clock.now(), options);
  const stories = selected.stories.sort((a, b) => a.id.localeCompare(b.id));
  const articles = await memberArticles(store, stories);
  const feeds = await store.listFeeds();
  const outlets = editionOutlets(await store.listOutlets(), articles, feeds);
  context.onProgress({ stage: 'coverage', done: 0, total: 1 });
  const coverage = analyzeCoverage({ articles, stories, outlets }, context.coverageOptions);
  const generatedAt = isoNow(context.clock);
  await store.saveCoverage(coverage, generatedAt);
  context.onProgress({ stage: 'coverage', done: 1, total: 1 });
  const summaries = await store.getSummaries(stories.map((s) => s.id));
  return {
    generatedAt,
    title: context.title,
    outlets,
    feeds,
    articles,
    stories,
    summaries: summaries.sort((a, b) => a.storyId.localeCompare(b.storyId)),
    coverage,
    diagnostics: [],
    window: selected.window,
  };
}
