import type { Edition } from '@newsloom/core';
import type { EditionView } from './edition-view';
import { escapeHtml } from './html';
import { renderPage } from './layout';

// Every edition is kept under archive/YYYY-MM-DD/ (a full copy of its pages), with links to
// the previous and next editions. The prev/next block sits between two comments so that the
// writer can update the previous edition's "next" link without re-rendering it.

const NAV_START = '<!--archive-nav-->';
const NAV_END = '<!--/archive-nav-->';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for an archive folder name (`YYYY-MM-DD`).
 * @example isArchiveDate('2021-08-14') // true
 */
export function isArchiveDate(name: string): boolean {
  return DATE.test(name);
}

/**
 * The day an edition is filed under: its window's end (the newest story for offline data),
 * else its coverage reference time, else when it was made.
 * @example archiveDate(edition) // '2021-08-14'
 */
export function archiveDate(edition: Edition): string {
  return (edition.window?.until ?? edition.coverage.now ?? edition.generatedAt).slice(0, 10);
}

/**
 * The prev/next links of the edition of `date` among `dates`: on the live front page
 * (`copy: false`) or on its archived copy (`archive/<date>/index.html`).
 * @example renderArchiveNav('2021-08-14', ['2021-08-13', '2021-08-14'], false)
 */
export function renderArchiveNav(date: string, dates: readonly string[], copy: boolean): string {
  const sorted = [...new Set(dates)].sort();
  const at = sorted.indexOf(date);
  const prev = at > 0 ? sorted[at - 1] : undefined;
  const next = at >= 0 ? sorted[at + 1] : undefined;
  const href = (d: string) => (copy ? `../${d}/index.html` : `archive/${d}/index.html`);
  const left = prev
    ? `<a href="${href(prev)}" rel="prev">← Edition of ${prev}</a>`
    : '<span></span>';
  const right = next
    ? `<a href="${href(next)}" rel="next">Edition of ${next} →</a>`
    : copy
      ? '<a href="../../index.html">Latest edition →</a>'
      : '<span></span>';
  const label = copy ? `Edition of ${date}` : 'Editions';
  return `<nav class="pager" aria-label="${label}">${left}${right}</nav>`;
}

/**
 * Replaces the prev/next block of a rendered front page; the page unchanged when it has none.
 * @example replaceArchiveNav(html, renderArchiveNav(date, dates, true))
 */
export function replaceArchiveNav(html: string, nav: string): string {
  const start = html.indexOf(NAV_START);
  const end = html.indexOf(NAV_END);
  if (start < 0 || end < start) return html;
  return `${html.slice(0, start + NAV_START.length)}${nav}${html.slice(end)}`;
}

/**
 * `archive/index.html`: every kept edition, newest first.
 * @example renderArchiveIndex(view, ['2021-08-13', '2021-08-14'])
 */
export function renderArchiveIndex(view: EditionView, dates: readonly string[]): string {
  const items = [...new Set(dates)]
    .sort()
    .reverse()
    .map((d) => `<li><a href="${escapeHtml(d)}/index.html">Edition of ${escapeHtml(d)}</a></li>`);
  return renderPage({
    title: `Archive · ${view.edition.title}`,
    siteTitle: view.edition.title,
    root: '../',
    body: `<h1>Archive</h1><p class="meta">Every edition kept, newest first.</p><ul>${items.join('')}</ul>`,
  });
}
