import type { Story } from '@newsloom/core';
import {
  type EditionView,
  outletName,
  storyArticles,
  storyHeadline,
  storyOutletIds,
  storyPath,
} from './edition-view';
import { ageWords, groupCounts, referenceTime } from './explain';
import { escapeHtml, formatTime, plural } from './html';

/** What a card shows besides the story itself. */
export interface CardOptions {
  /** Prefix from the page to the site root. */
  root: string;
  /** One sentence of plain words: why the story is here. */
  reason?: string;
  /** The numbers behind the reason (`<details>`), already rendered. */
  numbers?: string;
  /** Outlet attribute of the coverage bar (e.g. `lean`). */
  barAttribute?: string | undefined;
}

const ORDER = ['left', 'lean-left', 'center', 'lean-right', 'right'];
const KNOWN = new Set(ORDER);
const MAX_LEDE = 320;

function lede(view: EditionView, story: Story, root: string): string {
  const summary = view.summaries.get(story.id);
  const href = `${root}${storyPath(story.id)}`;
  const sentences = (summary?.sections ?? []).flatMap((s) => s.sentences).slice(0, 2);
  if (sentences.length > 0) {
    let length = 0;
    const parts: string[] = [];
    for (const sentence of sentences) {
      if (parts.length > 0 && length + sentence.text.length > MAX_LEDE) break;
      length += sentence.text.length;
      const cites = sentence.citations
        .map((n) => `<sup class="cite"><a href="${href}#source-${n}">[${n}]</a></sup>`)
        .join('');
      parts.push(`${escapeHtml(sentence.text)}${cites}`);
    }
    return `<p class="lede">${parts.join(' ')}</p>`;
  }
  const first = storyArticles(view, story).find((a) => a.summary);
  const text = first?.summary ?? '';
  if (!text) return '';
  const cut = text.length > MAX_LEDE ? `${text.slice(0, MAX_LEDE - 1).trimEnd()}…` : text;
  return `<p class="lede">${escapeHtml(cut)}</p>`;
}

function outletsLine(view: EditionView, story: Story): string {
  const ids = storyOutletIds(view, story);
  const names = ids.slice(0, 3).map((id) => escapeHtml(outletName(view, id)));
  const more = ids.length > 3 ? ` +${ids.length - 3}` : '';
  return `${plural(story.articleIds.length, 'article')} · ${plural(ids.length, 'outlet')}: ${names.join(', ')}${more}`;
}

function groupOrder(a: string, b: string): number {
  const rank = (g: string) => (g === 'unrated' ? 99 : KNOWN.has(g) ? ORDER.indexOf(g) : 50);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * A small bar of a story's outlets by an attribute (e.g. lean: left / center / right), with
 * the counts in words beside it.
 * @example renderCoverageBar(view, story, 'lean')
 */
function renderCoverageBar(view: EditionView, story: Story, attribute: string): string {
  const counts = [...groupCounts(view, story, attribute)].sort(([a], [b]) => groupOrder(a, b));
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0 || counts.every(([g]) => g === 'unrated')) return '';
  const words = counts.map(([g, n]) => `${escapeHtml(g)} ${n}`).join(' · ');
  const spans = counts
    .filter(([g]) => g !== 'unrated')
    .map(([g, n]) => {
      const css = KNOWN.has(g) ? `g-${g}` : 'g-other';
      return `<span class="${css}" style="width:${((n / total) * 100).toFixed(1)}%"></span>`;
    });
  const label = `Outlets by ${escapeHtml(attribute)}: ${words}`;
  return `<div class="bar" role="img" aria-label="${label}">${spans.join('')}</div><p class="legend">${escapeHtml(attribute)}: ${words}</p>`;
}

/**
 * A story as a card: headline, the summary's first sentences with their `[n]` links, counts,
 * outlets, age (absolute time on hover), a coverage bar and the reason it is listed.
 * @example renderStoryCard(view, story, { root: '', reason: 'Carried by 3 of 9 outlets' })
 */
export function renderStoryCard(view: EditionView, story: Story, options: CardOptions): string {
  const { root } = options;
  const headline = escapeHtml(storyHeadline(view, story.id));
  const age = ageWords(story.updatedAt, referenceTime(view));
  const time = `<time datetime="${escapeHtml(story.updatedAt)}" title="${formatTime(story.updatedAt)}">${age}</time>`;
  const parts = [
    `<li class="card" data-story="${escapeHtml(story.id)}">`,
    `<h3><a href="${root}${storyPath(story.id)}">${headline}</a></h3>`,
    lede(view, story, root),
    `<p class="meta">${outletsLine(view, story)} · ${time}</p>`,
    options.barAttribute ? renderCoverageBar(view, story, options.barAttribute) : '',
    options.reason ? `<p class="why">${escapeHtml(options.reason)}</p>` : '',
    options.numbers ?? '',
    '</li>',
  ];
  return parts.filter(Boolean).join('');
}
