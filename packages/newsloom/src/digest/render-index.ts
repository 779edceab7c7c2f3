import type { Feed } from '@newsloom/core';
import {
  type EditionView,
  outletName,
  storyHeadline,
  storyOutletIds,
  storyPath,
} from './edition-view';
import { escapeHtml, externalLink, formatNumber, formatTime, plural } from './html';
import { renderComponents, renderPage } from './layout';

/**
 * The digest's front page: Top Headlines, Feeds, Minority Reports and Unique coverage by
 * outlet, each score shown with its components.
 * @example renderIndexPage(createEditionView(edition))
 */
export function renderIndexPage(view: EditionView): string {
  const { edition } = view;
  const body = [
    `<h1>${escapeHtml(edition.title)}</h1>`,
    `<p class="meta">Generated ${formatTime(edition.generatedAt)} · ${plural(edition.stories.length, 'story', 'stories')} · ${plural(edition.articles.length, 'article')} · ${plural(edition.outlets.length, 'outlet')}</p>`,
    renderTopHeadlines(view),
    renderFeeds(view),
    renderMinorityReports(view),
    renderUniqueCoverage(view),
    renderMoreStories(view),
  ];
  return renderPage({ title: edition.title, root: '', body: body.join('\n') });
}

function storyLink(view: EditionView, storyId: string): string {
  return `<a href="${storyPath(storyId)}">${escapeHtml(storyHeadline(view, storyId))}</a>`;
}

function renderTopHeadlines(view: EditionView): string {
  const items = view.edition.coverage.topHeadlines.map((top) => {
    const story = view.stories.get(top.storyId);
    if (!story) return '';
    const outlets = storyOutletIds(view, story).length;
    const meta = `${plural(story.articleIds.length, 'article')} · ${plural(outlets, 'outlet')} · updated ${formatTime(story.updatedAt)}`;
    return `<li value="${top.rank}">${storyLink(view, top.storyId)} <span class="meta">${meta}</span><br>score ${formatNumber(top.score)} ${renderComponents(top.components)}</li>`;
  });
  const list = items.length
    ? `<ol class="headlines">${items.join('')}</ol>`
    : '<p class="muted">No stories yet.</p>';
  return `<section id="top-headlines"><h2>Top Headlines</h2>${list}</section>`;
}

function feedStatus(feed: Feed): string {
  if (feed.lastError) return '<span class="status-error">error</span>';
  if (!feed.lastFetchedAt) return 'not fetched';
  return feed.lastStatus === undefined ? 'ok' : `ok (${feed.lastStatus})`;
}

function renderFeeds(view: EditionView): string {
  const feeds = [...view.edition.feeds].sort(
    (a, b) =>
      outletName(view, a.outletId).localeCompare(outletName(view, b.outletId)) ||
      a.url.localeCompare(b.url),
  );
  const rows = feeds.map((feed) => {
    const title = feed.title ?? feed.url;
    const error = feed.lastError ? escapeHtml(feed.lastError) : '';
    return `<tr><td>${escapeHtml(outletName(view, feed.outletId))}</td><td>${externalLink(feed.url, title)}</td><td>${formatTime(feed.lastFetchedAt)}</td><td>${feed.lastItemCount ?? ''}</td><td>${feedStatus(feed)}</td><td>${error}</td></tr>`;
  });
  const table = `<table><thead><tr><th>Outlet</th><th>Feed</th><th>Last fetch</th><th>Items</th><th>Status</th><th>Last error</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section id="feeds"><h2>Feeds</h2>${rows.length ? table : '<p class="muted">No feeds.</p>'}</section>`;
}

function renderMinorityReports(view: EditionView): string {
  const items = view.edition.coverage.minorityReports.map((report) => {
    const outlets = report.outletIds.map((id) => escapeHtml(outletName(view, id))).join(', ');
    const groups = (report.groups ?? [])
      .map((g) => `${escapeHtml(g.attribute)}=${escapeHtml(g.group)} ${formatNumber(g.share, 2)}`)
      .join(', ');
    const why = `${report.reason}${groups ? ` (${groups})` : ''}`;
    return `<li>${storyLink(view, report.storyId)} <span class="meta">${outlets} · breadth ${formatNumber(report.breadth)} · ${escapeHtml(why)}</span><br>score ${formatNumber(report.score)} ${renderComponents(report.components)}</li>`;
  });
  const list = items.length ? `<ol>${items.join('')}</ol>` : '<p class="muted">None.</p>';
  return `<section id="minority-reports"><h2>Minority Reports</h2>${list}</section>`;
}

function renderUniqueCoverage(view: EditionView): string {
  // Outlets with the most exclusives first, then the most stories covered.
  const unique = [...view.edition.coverage.uniqueByOutlet].sort(
    (a, b) =>
      b.exclusiveStoryIds.length - a.exclusiveStoryIds.length ||
      b.storyCount - a.storyCount ||
      a.outletId.localeCompare(b.outletId),
  );
  const rows = unique.map((u) => {
    const exclusive = u.exclusiveStoryIds.map((id) => storyLink(view, id)).join('<br>');
    const lead = u.meanLeadMinutes === null ? '–' : formatNumber(u.meanLeadMinutes, 1);
    return `<tr><td>${escapeHtml(outletName(view, u.outletId))}</td><td>${u.storyCount}</td><td>${u.exclusiveStoryIds.length}</td><td>${formatNumber(u.exclusivity)}</td><td>${u.firstReports}</td><td>${lead}</td><td>${exclusive}</td></tr>`;
  });
  const head =
    '<tr><th>Outlet</th><th>Stories</th><th>Exclusive</th><th>Exclusivity</th><th>First reports</th><th>Mean lead (min)</th><th>Exclusive stories</th></tr>';
  const table = `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section id="unique-coverage"><h2>Unique coverage by outlet</h2><p class="meta">exclusivity = exclusive stories ÷ stories covered; mean lead = minutes ahead of the next outlet when first.</p>${rows.length ? table : '<p class="muted">None.</p>'}</section>`;
}

function renderMoreStories(view: EditionView): string {
  const ranked = new Set(view.edition.coverage.topHeadlines.map((t) => t.storyId));
  const rest = view.edition.stories
    .filter((story) => !ranked.has(story.id))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  if (rest.length === 0) return '';
  const items = rest.map(
    (story) =>
      `<li>${storyLink(view, story.id)} <span class="meta">${plural(story.articleIds.length, 'article')} · updated ${formatTime(story.updatedAt)}</span></li>`,
  );
  return `<section id="more-stories"><h2>More stories</h2><ul>${items.join('')}</ul></section>`;
}
