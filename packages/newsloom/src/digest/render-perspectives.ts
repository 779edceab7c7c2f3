import type { Perspective, StorySummary, SummarySentence } from '@newsloom/core';
import { escapeHtml, formatTime, plural } from './html';

/** "N new articles since <time>", or nothing on a first summary or when nothing is new. */
function whatIsNewLine(summary: StorySummary | undefined): string | undefined {
  const added = summary?.whatIsNew?.newArticleIds.length ?? 0;
  if (!summary?.whatIsNew || added === 0) return undefined;
  return `${plural(added, 'new article')} since ${formatTime(summary.whatIsNew.since)}`;
}

function citesHtml(sentence: SummarySentence): string {
  return sentence.citations
    .map((n) => `<sup class="cite"><a href="#source-${n}">[${n}]</a></sup>`)
    .join('');
}

function perspectiveHtml(p: Perspective): string {
  const groups = p.groups.map((g) => {
    const who = `${escapeHtml(g.value)} <span class="meta">(${plural(g.articleCount, 'article')})</span>`;
    const text = g.sentence ? ` ${escapeHtml(g.sentence.text)}${citesHtml(g.sentence)}` : '';
    return `<li><strong>${who}</strong>${text}</li>`;
  });
  const missing = p.missing.length
    ? `<li class="missing">No coverage: ${p.missing.map(escapeHtml).join(', ')}</li>`
    : '';
  return `<h3>By ${escapeHtml(p.attribute)}</h3><ul>${groups.join('')}${missing}</ul>`;
}

/**
 * The story page's "N new articles since <time>" line and its "How outlets covered it" section
 * (per outlet attribute: each group's representative cited sentence, groups with no coverage
 * named); empty strings when the summary has neither.
 * @example renderPerspectives(summary) // { whatIsNew: '<p class="meta" id="what-is-new">…', perspectives: '<section id="perspectives">…' }
 */
export function renderPerspectives(summary: StorySummary | undefined): {
  whatIsNew: string;
  perspectives: string;
} {
  const line = whatIsNewLine(summary);
  const parts = summary?.perspectives ?? [];
  return {
    whatIsNew: line ? `<p class="meta" id="what-is-new">${escapeHtml(line)}</p>` : '',
    perspectives: parts.length
      ? `<section id="perspectives"><h2>How outlets covered it</h2>${parts.map(perspectiveHtml).join('')}</section>`
      : '',
  };
}

/**
 * "N new articles since <time>" as Markdown lines (none when nothing is new).
 * @example whatIsNewMarkdown(summary, escapeMarkdown) // ['_2 new articles since …_', '']
 */
export function whatIsNewMarkdown(
  summary: StorySummary | undefined,
  esc: (text: string) => string,
): string[] {
  const line = whatIsNewLine(summary);
  return line ? [`_${esc(line)}_`, ''] : [];
}

/**
 * "How outlets covered it" as Markdown lines (none without perspectives), given the escaper.
 * @example perspectivesMarkdown(summary, escapeMarkdown) // ['**How outlets covered it**', '', '- lean left (2 articles): … \\[1\\]', …]
 */
export function perspectivesMarkdown(
  summary: StorySummary | undefined,
  esc: (text: string) => string,
): string[] {
  const lines: string[] = [];
  const parts = summary?.perspectives ?? [];
  if (parts.length === 0) return lines;
  lines.push('**How outlets covered it**', '');
  for (const p of parts) {
    for (const g of p.groups) {
      const cites = g.sentence?.citations.map((n) => `\\[${n}\\]`).join('') ?? '';
      const text = g.sentence ? ` ${esc(g.sentence.text)} ${cites}` : '';
      lines.push(
        `- ${esc(p.attribute)} ${esc(g.value)} (${plural(g.articleCount, 'article')}):${text}`,
      );
    }
    if (p.missing.length)
      lines.push(`- ${esc(p.attribute)}, no coverage: ${p.missing.map(esc).join(', ')}`);
  }
  lines.push('');
  return lines;
}
