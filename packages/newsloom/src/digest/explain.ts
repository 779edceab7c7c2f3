import type { MinorityReport, Outlet, OutletUniqueness, Story } from '@newsloom/core';
import { type EditionView, outletName, storyArticles, storyOutletIds } from './edition-view';
import { plural } from './html';

// Reasons in plain words ("Carried by 2 of 119 outlets, both rated Right; 5 articles in 6 h"):
// the main text of every ranked item. The numbers stay one click away.

const HOUR = 3_600_000;

/**
 * A duration in words: `40 min`, `6 h`, `3 days`.
 * @example spanWords(6 * 3_600_000) // '6 h'
 */
function spanWords(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR) return `${Math.round(ms / HOUR)} h`;
  return `${Math.round(ms / (24 * HOUR))} days`;
}

/**
 * An age relative to the edition's reference time: `3 h ago`, `just now`.
 * @example ageWords('2024-01-01T09:00:00Z', '2024-01-01T12:00:00Z') // '3 h ago'
 */
export function ageWords(iso: string, nowIso: string): string {
  const ms = Date.parse(nowIso) - Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return ms < 60_000 ? 'just now' : `${spanWords(ms)} ago`;
}

/** The reference time of an edition: its coverage's `now` (the newest article), else when it was made. */
export function referenceTime(view: EditionView): string {
  return view.edition.coverage.now ?? view.edition.generatedAt;
}

/**
 * The outlet attribute the coverage bars show: `lean` when outlets carry it, else the
 * attribute most outlets carry; undefined when none does.
 */
export function barAttribute(outlets: readonly Outlet[]): string | undefined {
  const counts = new Map<string, number>();
  for (const outlet of outlets) {
    for (const name of new Set(outlet.attributes.map((a) => a.name)))
      counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.has('lean')) return 'lean';
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Outlets of a story counted by their value of `attribute` (`unrated` for none). */
export function groupCounts(
  view: EditionView,
  story: Story,
  attribute: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of storyOutletIds(view, story)) {
    const value = view.outlets.get(id)?.attributes.find((a) => a.name === attribute)?.value;
    const key = value ?? 'unrated';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function ratedPhrase(counts: Map<string, number>, outlets: number): string {
  const rated = [...counts].filter(([group]) => group !== 'unrated');
  if (rated.length === 0) return '';
  if (rated.length === 1 && rated[0]?.[1] === outlets) {
    const [group] = rated[0];
    const all = outlets === 1 ? '' : outlets === 2 ? 'both ' : 'all ';
    return `, ${all}rated ${capital(group)}`;
  }
  // Mixed ratings are in the coverage bar beside the reason.
  return '';
}

/**
 * Why a story is where it is, in one sentence of plain words.
 * @example headlineReason(view, story, 'lean') // 'Carried by 2 of 119 outlets, both rated Right; 5 articles in 6 h'
 */
export function headlineReason(view: EditionView, story: Story, attribute?: string): string {
  const outlets = storyOutletIds(view, story).length;
  const total = view.edition.outlets.length;
  const rated = attribute ? ratedPhrase(groupCounts(view, story, attribute), outlets) : '';
  const articles = storyArticles(view, story);
  const first = Date.parse(articles[0]?.publishedAt ?? story.createdAt);
  const last = Date.parse(articles.at(-1)?.publishedAt ?? story.updatedAt);
  const count = plural(story.articleIds.length, 'article');
  const when = articles.length > 1 ? `${count} in ${spanWords(last - first)}` : count;
  return `Carried by ${outlets} of ${plural(total, 'outlet')}${rated}; ${when}`;
}

/**
 * Why a story is a minority report, in plain words.
 * @example minorityReason(view, report) // 'Only Fox News covered it: 3 articles in 2 days'
 */
export function minorityReason(view: EditionView, report: MinorityReport): string {
  const story = view.stories.get(report.storyId);
  if (report.reason === 'blindspot') {
    const [top, ...others] = report.groups ?? [];
    if (!top) return 'Covered mostly by one group of outlets';
    const missing = others.filter((g) => g.share === 0).map((g) => capital(g.group));
    const share = Math.round(top.share * 100);
    const absent = missing.length ? `; no ${missing.join(' or ')} outlet carried it` : '';
    return `A blindspot: ${share}% of the rated outlets covering it are rated ${capital(top.group)}${absent}`;
  }
  const names = report.outletIds.map((id) => outletName(view, id));
  const who = names.length <= 2 ? names.join(' and ') : `${names.length} outlets`;
  const articles = story ? storyArticles(view, story) : [];
  const span =
    articles.length > 1
      ? ` in ${spanWords(Date.parse(articles.at(-1)?.publishedAt ?? '') - Date.parse(articles[0]?.publishedAt ?? ''))}`
      : '';
  return `Only ${who} covered it: ${plural(articles.length, 'article')}${span}`;
}

/**
 * What an outlet covered alone, in plain words.
 * @example uniqueReason(entry) // '4 stories no other outlet carried, of 12 it covered; first on 3 shared stories'
 */
export function uniqueReason(entry: OutletUniqueness): string {
  const alone = plural(entry.exclusiveStoryIds.length, 'story', 'stories');
  const first = entry.firstReports
    ? `; first on ${plural(entry.firstReports, 'shared story', 'shared stories')}`
    : '';
  return `${alone} no other outlet carried, of ${entry.storyCount} it covered${first}`;
}
