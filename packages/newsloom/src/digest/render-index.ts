import type { Story } from '@newsloom/core';
import { type EditionView, storyHeadline, storyPath } from './edition-view';
import { barAttribute, headlineReason, referenceTime } from './explain';
import { escapeHtml, formatTime, plural } from './html';
import { renderNumbers, renderPage } from './layout';
import { renderStoryCard } from './story-card';

/** Where a set of pages sits: the live site (`base: ''`) or an archived copy (`'../../'`). */
export interface PageSet {
  /** Prefix from the page set's root to the live site's root. */
  base: string;
  /** The prev/next block of the archive, already rendered (between its markers). */
  archiveNav: string;
}

/**
 * The category of a story: the most common `category` of its outlets (ties: first by name).
 * @example storyCategory(view, story) // 'World'
 */
function storyCategory(view: EditionView, story: Story): string | undefined {
  const counts = new Map<string, number>();
  for (const id of story.articleIds) {
    const article = view.articles.get(id);
    const category = article ? view.outlets.get(article.outletId)?.category : undefined;
    if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function windowLine(view: EditionView): string {
  const { edition } = view;
  const window = edition.window;
  const span =
    window?.since && window.until
      ? `Stories updated ${formatTime(window.since)} – ${formatTime(window.until)}`
      : window?.since
        ? `Stories updated since ${formatTime(window.since)}`
        : 'Every story';
  const counts = `${plural(edition.stories.length, 'story', 'stories')} · ${plural(edition.articles.length, 'article')} · ${plural(edition.outlets.length, 'outlet')}`;
  return `<p class="meta">${span} · ${counts} · newest article ${formatTime(referenceTime(view))}</p>`;
}

const SEARCH_BOX =
  '<div class="search" role="search"><label for="q">Search these stories</label><br><input id="q" type="search" autocomplete="off" placeholder="a word of a headline or summary (press /)"> <span id="q-status" class="meta" role="status" aria-live="polite"></span></div>';

function rankedStories(view: EditionView): Story[] {
  return view.edition.coverage.topHeadlines
    .map((top) => view.stories.get(top.storyId))
    .filter((s): s is Story => s !== undefined);
}

function renderCards(view: EditionView, stories: readonly Story[]): string {
  const attribute = barAttribute(view.edition.outlets);
  const tops = new Map(view.edition.coverage.topHeadlines.map((t) => [t.storyId, t]));
  const cards = stories.map((story) => {
    const top = tops.get(story.id);
    return renderStoryCard(view, story, {
      root: '',
      reason: headlineReason(view, story, attribute),
      ...(top && { numbers: renderNumbers(top.score, { rank: top.rank, ...top.components }) }),
      barAttribute: attribute,
    });
  });
  return `<ul class="cards">${cards.join('')}</ul>`;
}

function renderGroups(view: EditionView, stories: readonly Story[]): string {
  const groups = new Map<string, Story[]>();
  for (const story of stories) {
    const key = storyCategory(view, story) ?? 'Other';
    groups.set(key, [...(groups.get(key) ?? []), story]);
  }
  if (groups.size <= 1) return renderCards(view, stories);
  return [...groups]
    .map(
      ([name, list]) =>
        `<section data-group><h2>${escapeHtml(name)}</h2>${renderCards(view, list)}</section>`,
    )
    .join('\n');
}

function renderMore(view: EditionView, ranked: ReadonlySet<string>): string {
  const rest = view.edition.stories
    .filter((story) => !ranked.has(story.id))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  if (rest.length === 0) return '';
  const items = rest.map(
    (story) =>
      `<li data-story="${escapeHtml(story.id)}"><a href="${storyPath(story.id)}">${escapeHtml(storyHeadline(view, story.id))}</a> <span class="meta">${plural(story.articleIds.length, 'article')} · ${formatTime(story.updatedAt)}</span></li>`,
  );
  return `<section data-group id="more-stories"><h2>More stories</h2><ul>${items.join('')}</ul></section>`;
}

/**
 * The front page, Top Headlines: the edition window's stories as cards, ranked by coverage
 * (breadth and size first, recency among comparable stories), grouped by category when
 * outlets carry one, with a search box over them.
 * @example renderIndexPage(createEditionView(edition), { base: '', archiveNav: '' })
 */
export function renderIndexPage(view: EditionView, set: PageSet): string {
  const ranked = rankedStories(view);
  const body = [
    '<h1>Top Headlines</h1>',
    windowLine(view),
    `<!--archive-nav-->${set.archiveNav}<!--/archive-nav-->`,
    ranked.length ? SEARCH_BOX : '',
    ranked.length
      ? renderGroups(view, ranked)
      : '<p class="muted">No stories in this edition\'s window yet.</p>',
    renderMore(view, new Set(ranked.map((s) => s.id))),
  ];
  return renderPage({
    title: `Top Headlines · ${view.edition.title}`,
    siteTitle: view.edition.title,
    root: '',
    home: set.base,
    current: 'top',
    body: body.join('\n'),
    search: true,
  });
}
