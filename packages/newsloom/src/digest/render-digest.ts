import type { Edition } from '@newsloom/core';
import { createEditionView, type EditionView, storyPath } from './edition-view';
import { archiveDate, renderArchiveIndex, renderArchiveNav } from './render-archive';
import { type PageSet, renderIndexPage } from './render-index';
import { renderJson, renderMarkdown } from './render-markdown';
import {
  outletPath,
  outletsWithExclusives,
  renderFeedsPage,
  renderMinorityPage,
  renderOutletPage,
  renderUniquePage,
} from './render-sections';
import { renderRedirectPage, renderStoryPage } from './render-story';
import { renderAtom, renderJsonFeed, type SyndicationOptions } from './render-syndication';

/** One file of a rendered digest. */
export interface DigestFile {
  /** Path relative to the digest root, with `/` separators. */
  path: string;
  contents: string;
}

/** Options of {@link renderDigest}. */
export interface DigestOptions extends SyndicationOptions {
  /** Days already in the site's archive (`YYYY-MM-DD`), for the prev/next links. Default none. */
  archiveDates?: readonly string[];
}

/** The HTML pages of one edition, as the live site (`base: ''`) or an archived copy. */
function renderPages(view: EditionView, set: PageSet): DigestFile[] {
  const files: DigestFile[] = [
    { path: 'index.html', contents: renderIndexPage(view, set) },
    { path: 'feeds.html', contents: renderFeedsPage(view, set) },
    { path: 'minority-reports.html', contents: renderMinorityPage(view, set) },
    { path: 'unique-coverage.html', contents: renderUniquePage(view, set) },
  ];
  for (const entry of outletsWithExclusives(view)) {
    files.push({ path: outletPath(entry.outletId), contents: renderOutletPage(view, entry, set) });
  }
  for (const story of view.edition.stories) {
    files.push({ path: storyPath(story.id), contents: renderStoryPage(view, story, set) });
  }
  // A merged story's id is an alias of the story that absorbed it: keep its old address working.
  for (const story of view.edition.stories) {
    for (const alias of story.aliases) {
      if (view.stories.has(alias)) continue;
      files.push({ path: storyPath(alias), contents: renderRedirectPage(view, story, set) });
    }
  }
  return files;
}

/**
 * Renders an edition as a static site: the four sections as pages (`index.html` is Top
 * Headlines, then `feeds.html`, `minority-reports.html`, `unique-coverage.html`), outlet and
 * story pages, `feed.xml` (Atom) and `feed.json` (JSON Feed), `edition.md`, `edition.json`,
 * and a copy of the pages under `archive/YYYY-MM-DD/`. Pure: same edition, same bytes. The
 * only script is the hashed search script; everything from feeds is escaped, so the site is
 * safe to open from `file://`.
 * @example const files = renderDigest(edition); files.find((f) => f.path === 'index.html')
 */
export function renderDigest(edition: Edition, options: DigestOptions = {}): DigestFile[] {
  const view = createEditionView(edition);
  const date = archiveDate(edition);
  const dates = [...new Set([...(options.archiveDates ?? []), date])].sort();
  const live = renderPages(view, { base: '', archiveNav: renderArchiveNav(date, dates, false) });
  const copy = renderPages(view, {
    base: '../../',
    archiveNav: renderArchiveNav(date, dates, true),
  });
  return [
    ...live,
    { path: 'feed.xml', contents: renderAtom(view, options) },
    { path: 'feed.json', contents: renderJsonFeed(view, options) },
    { path: 'edition.md', contents: renderMarkdown(edition) },
    { path: 'edition.json', contents: renderJson(edition) },
    { path: 'archive/index.html', contents: renderArchiveIndex(view, dates) },
    ...copy.map((file) => ({ path: `archive/${date}/${file.path}`, contents: file.contents })),
  ];
}

// Kept for the CLI's import; the package entry exports it from write-digest.
export { writeDigest } from './write-digest';
