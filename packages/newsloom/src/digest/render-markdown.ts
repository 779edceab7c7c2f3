import type { Edition, Story } from '@newsloom/core';
import {
  createEditionView,
  type EditionView,
  outletName,
  storyArticles,
  storyHeadline,
  storyPath,
} from './edition-view';
import { formatNumber, formatTime, plural } from './html';
import { perspectivesMarkdown, whatIsNewMarkdown } from './render-perspectives';

/**
 * Escapes feed text for Markdown: HTML-significant characters become entities (so a viewer
 * that renders inline HTML shows them as text) and Markdown syntax characters get a backslash.
 * @example escapeMarkdown('<b>*hi*</b>') === '&lt;b&gt;\\*hi\\*&lt;/b&gt;'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function mdLink(text: string, url: string): string {
  const safe = /^https?:\/\//i.test(url) ? url.replace(/[()\s<>]/g, encodeURIComponent) : '';
  return safe ? `[${escapeMarkdown(text)}](${safe})` : escapeMarkdown(text);
}

function storyMarkdown(view: EditionView, story: Story): string[] {
  const summary = view.summaries.get(story.id);
  const lines = [`## ${escapeMarkdown(storyHeadline(view, story.id))}`, ''];
  lines.push(
    `Updated (${plural(story.articleIds.length, 'article')}) · ${formatTime(story.updatedAt)} · [page](${storyPath(story.id)})`,
    '',
  );
  lines.push(...whatIsNewMarkdown(summary, escapeMarkdown));
  for (const section of summary?.sections ?? []) {
    const text = section.sentences
      .map((s) => `${escapeMarkdown(s.text)} ${s.citations.map((n) => `\\[${n}\\]`).join('')}`)
      .join(' ');
    lines.push(`**${escapeMarkdown(section.heading)}** ${text}`, '');
  }
  lines.push(...perspectivesMarkdown(summary, escapeMarkdown));
  const sources = summary?.sources ?? [];
  lines.push(`Sources (${plural(sources.length, 'article')}):`, '');
  for (const source of sources)
    lines.push(
      `${source.n}. ${mdLink(source.title, source.url)} — ${escapeMarkdown(source.outletName ?? source.outletId)}`,
    );
  lines.push('', `All related articles (${plural(story.articleIds.length, 'article')}):`, '');
  for (const article of storyArticles(view, story)) {
    lines.push(
      `- ${mdLink(article.title, article.url)} — ${escapeMarkdown(outletName(view, article.outletId))}, ${formatTime(article.publishedAt)}`,
    );
  }
  lines.push('');
  return lines;
}

function coverageMarkdown(view: EditionView): string[] {
  const { coverage } = view.edition;
  const lines = ['## Top Headlines', ''];
  for (const top of coverage.topHeadlines) {
    const headline = escapeMarkdown(storyHeadline(view, top.storyId));
    lines.push(`${top.rank}. ${headline} (score ${formatNumber(top.score)})`);
  }
  lines.push('', '## Minority Reports', '');
  for (const report of coverage.minorityReports) {
    const outlets = report.outletIds.map((id) => escapeMarkdown(outletName(view, id))).join(', ');
    const headline = escapeMarkdown(storyHeadline(view, report.storyId));
    lines.push(
      `- ${headline} — ${outlets} (score ${formatNumber(report.score)}, ${report.reason})`,
    );
  }
  lines.push('', '## Unique coverage by outlet', '');
  lines.push(
    '| Outlet | Stories | Exclusive | Exclusivity | First reports |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const u of coverage.uniqueByOutlet) {
    const cells = [
      escapeMarkdown(outletName(view, u.outletId)),
      u.storyCount,
      u.exclusiveStoryIds.length,
      formatNumber(u.exclusivity),
      u.firstReports,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/**
 * The edition as one Markdown document: Top Headlines, Minority Reports, Unique coverage by
 * outlet, then every ranked story with its cited paragraphs and sources. Pure.
 * @example writeFileSync('edition.md', renderMarkdown(edition))
 */
export function renderMarkdown(edition: Edition): string {
  const view = createEditionView(edition);
  const lines = [
    `# ${escapeMarkdown(edition.title)}`,
    '',
    `Generated ${formatTime(edition.generatedAt)}.`,
    '',
  ];
  lines.push(...coverageMarkdown(view), '', '# Stories', '');
  const ranked = edition.coverage.topHeadlines
    .map((t) => view.stories.get(t.storyId))
    .filter((s): s is Story => s !== undefined);
  for (const story of ranked) lines.push(...storyMarkdown(view, story));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/**
 * The edition as stable, pretty-printed JSON (the `Edition` schema of `@newsloom/core`).
 * @example EditionSchema.parse(JSON.parse(renderJson(edition)))
 */
export function renderJson(edition: Edition): string {
  return `${JSON.stringify(edition, null, 2)}\n`;
}
