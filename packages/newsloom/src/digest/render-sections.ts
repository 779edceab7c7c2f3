import type { Feed, MinorityReport, OutletUniqueness } from '@newsloom/core';
import { isNonNewsFeed } from '../pipeline/edition-stage';
import { type EditionView, outletName, storyHeadline, storyPath } from './edition-view';
import { barAttribute, minorityReason, uniqueReason } from './explain';
import { escapeHtml, externalLink, formatNumber, formatTime, plural } from './html';
import { renderNumbers, renderPage, type SectionKey } from './layout';
import type { PageSet } from './render-index';
import { renderStoryCard } from './story-card';

/** Exclusive stories shown per outlet on the Unique coverage page; the rest are on its page. */
const EXCLUSIVES_SHOWN = 3;

/**
 * The file of an outlet's page, relative to the site root.
 * @example outletPath('bbc-news') // 'outlets/bbc-news.html'
 */
export function outletPath(outletId: string): string {
  return `outlets/${outletId.replace(/[^A-Za-z0-9_-]/g, '_')}.html`;
}

function page(view: EditionView, set: PageSet, current: SectionKey, title: string, body: string) {
  return renderPage({
    title: `${title} · ${view.edition.title}`,
    siteTitle: view.edition.title,
    root: '',
    home: set.base,
    current,
    body: `<h1>${title}</h1>\n${body}`,
  });
}

function feedStatus(feed: Feed): string {
  if (feed.lastError) return '<span class="status-error">error</span>';
  if (!feed.lastFetchedAt) return 'not fetched';
  return feed.lastStatus === undefined ? 'ok' : `ok (${feed.lastStatus})`;
}

/**
 * The Feeds page: every feed, its outlet, category, whether it counts as news, and how its
 * last fetch went.
 * @example renderFeedsPage(view, { base: '', archiveNav: '' })
 */
export function renderFeedsPage(view: EditionView, set: PageSet): string {
  const feeds = [...view.edition.feeds].sort(
    (a, b) =>
      outletName(view, a.outletId).localeCompare(outletName(view, b.outletId)) ||
      a.url.localeCompare(b.url),
  );
  const cell = (label: string, html: string) => `<td data-label="${label}">${html}</td>`;
  const rows = feeds.map((feed) =>
    [
      '<tr>',
      cell('Outlet', escapeHtml(outletName(view, feed.outletId))),
      cell('Feed', externalLink(feed.url, feed.title ?? feed.url)),
      cell('Category', escapeHtml(feed.categories.join(', '))),
      cell('News', isNonNewsFeed(feed) ? 'no' : 'yes'),
      cell('Last fetch', formatTime(feed.lastFetchedAt)),
      cell('Items', String(feed.lastItemCount ?? '')),
      cell('Status', feedStatus(feed)),
      cell('Last error', feed.lastError ? escapeHtml(feed.lastError) : ''),
      '</tr>',
    ].join(''),
  );
  const head =
    '<tr><th>Outlet</th><th>Feed</th><th>Category</th><th>News</th><th>Last fetch</th><th>Items</th><th>Status</th><th>Last error</th></tr>';
  const table = `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  const intro = `<p class="meta">${plural(feeds.length, 'feed')}. A feed marked non-news (OPML category <code>non-news</code>) never gives a minority report or an exclusive.</p>`;
  return page(
    view,
    set,
    'feeds',
    'Feeds',
    `${intro}${rows.length ? table : '<p class="muted">No feeds.</p>'}`,
  );
}

function reportCards(view: EditionView, reports: readonly MinorityReport[]): string {
  const attribute = barAttribute(view.edition.outlets);
  const cards = reports.flatMap((report) => {
    const story = view.stories.get(report.storyId);
    if (!story) return [];
    return renderStoryCard(view, story, {
      root: '',
      reason: minorityReason(view, report),
      numbers: renderNumbers(report.score, report.components),
      barAttribute: attribute,
    });
  });
  return cards.length
    ? `<ul class="cards">${cards.join('')}</ul>`
    : '<p class="muted">None in this edition.</p>';
}

/**
 * The Minority Reports page: news stories few outlets carry (with evidence that they matter:
 * more than one article), then blindspots of an outlet group.
 * @example renderMinorityPage(view, { base: '', archiveNav: '' })
 */
export function renderMinorityPage(view: EditionView, set: PageSet): string {
  const reports = view.edition.coverage.minorityReports;
  const low = reports.filter((r) => r.reason === 'low-breadth');
  const blind = reports.filter((r) => r.reason === 'blindspot');
  const body = [
    '<p class="meta">News stories that few outlets carried, when there is evidence they matter (more than one article: a second outlet, or a follow-up), and stories one group of outlets covered while the others did not.</p>',
    `<section><h2>Few outlets</h2>${reportCards(view, low)}</section>`,
    `<section><h2>Blindspots</h2>${reportCards(view, blind)}</section>`,
  ];
  return page(view, set, 'minority', 'Minority Reports', body.join('\n'));
}

function byExclusives(a: OutletUniqueness, b: OutletUniqueness): number {
  return (
    b.exclusiveStoryIds.length - a.exclusiveStoryIds.length ||
    b.storyCount - a.storyCount ||
    a.outletId.localeCompare(b.outletId)
  );
}

function storyLinks(view: EditionView, ids: readonly string[], root: string): string {
  const items = ids.map(
    (id) => `<li><a href="${root}${storyPath(id)}">${escapeHtml(storyHeadline(view, id))}</a></li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function uniqueEntry(view: EditionView, entry: OutletUniqueness): string {
  const name = escapeHtml(outletName(view, entry.outletId));
  const ids = entry.exclusiveStoryIds;
  const more = `<p><a href="${outletPath(entry.outletId)}">All ${plural(ids.length, 'story', 'stories')} only ${name} carried</a></p>`;
  const numbers = renderNumbers(entry.exclusivity, {
    exclusive: ids.length,
    stories: entry.storyCount,
    firstReports: entry.firstReports,
    ...(entry.meanLeadMinutes !== null && { meanLeadMinutes: entry.meanLeadMinutes }),
  });
  return `<section><h2>${name}</h2><p class="why">${escapeHtml(uniqueReason(entry))}</p>${storyLinks(view, ids.slice(0, EXCLUSIVES_SHOWN), '')}${more}${numbers}</section>`;
}

/** The outlets with at least one exclusive in the edition's window, most exclusives first. */
export function outletsWithExclusives(view: EditionView): OutletUniqueness[] {
  return view.edition.coverage.uniqueByOutlet
    .filter((u) => u.exclusiveStoryIds.length > 0)
    .sort(byExclusives);
}

/**
 * The Unique coverage page: per outlet, the news stories of the window no other outlet
 * carried (the first few, then a link to the outlet's page), and how often it was first.
 * @example renderUniquePage(view, { base: '', archiveNav: '' })
 */
export function renderUniquePage(view: EditionView, set: PageSet): string {
  const withExclusives = outletsWithExclusives(view);
  const others = view.edition.coverage.uniqueByOutlet.length - withExclusives.length;
  const body = [
    `<p class="meta">News stories of this edition's window that only one outlet (or outlet family) carried. ${plural(others, 'other outlet')} had none.</p>`,
    withExclusives.length
      ? withExclusives.map((entry) => uniqueEntry(view, entry)).join('\n')
      : '<p class="muted">No exclusives in this edition.</p>',
  ];
  return page(view, set, 'unique', 'Unique coverage by outlet', body.join('\n'));
}

/**
 * The page of one outlet: every story of the window only it carried.
 * @example renderOutletPage(view, entry, { base: '', archiveNav: '' })
 */
export function renderOutletPage(view: EditionView, entry: OutletUniqueness, set: PageSet): string {
  const name = outletName(view, entry.outletId);
  const cards = entry.exclusiveStoryIds.flatMap((id) => {
    const story = view.stories.get(id);
    return story ? [renderStoryCard(view, story, { root: '../' })] : [];
  });
  const body = [
    `<h1>${escapeHtml(name)}</h1>`,
    `<p class="why">${escapeHtml(uniqueReason(entry))}; exclusivity ${formatNumber(entry.exclusivity, 2)}.</p>`,
    `<p><a href="../unique-coverage.html">Back to Unique coverage by outlet</a></p>`,
    `<ul class="cards">${cards.join('')}</ul>`,
  ];
  return renderPage({
    title: `${name} · ${view.edition.title}`,
    siteTitle: view.edition.title,
    root: '../',
    home: `../${set.base}`,
    current: 'unique',
    body: body.join('\n'),
  });
}
