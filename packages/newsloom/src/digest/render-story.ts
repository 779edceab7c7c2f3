import type { Article, Story, StorySummary, SummarySection } from '@newsloom/core';
import { renderCoverageChart } from './coverage-chart';
import {
  type EditionView,
  outletName,
  storiesAboutStory,
  storyArticles,
  storyHeadline,
  storyPath,
} from './edition-view';
import { escapeHtml, externalLink, formatTime, plural } from './html';
import { renderPage } from './layout';
import type { PageSet } from './render-index';
import { renderPerspectives } from './render-perspectives';

/**
 * The page of one story: headline, "Updated (N articles)", cited titled paragraphs, Sources,
 * Stories about this story, All related articles, External resources and a coverage chart.
 * @example renderStoryPage(createEditionView(edition), edition.stories[0], { base: '', archiveNav: '' })
 */
export function renderStoryPage(view: EditionView, story: Story, set: PageSet): string {
  const summary = view.summaries.get(story.id);
  const articles = storyArticles(view, story);
  const headline = storyHeadline(view, story.id);
  const updatedAt = summary?.updatedAt ?? story.updatedAt;
  const extra = renderPerspectives(summary);
  const body = [
    `<article id="story" data-story-id="${escapeHtml(story.id)}">`,
    `<h1>${escapeHtml(headline)}</h1>`,
    `<p class="meta" id="updated">Updated (${plural(story.articleIds.length, 'article')}) · <time datetime="${escapeHtml(updatedAt)}">${formatTime(updatedAt)}</time></p>`,
    extra.whatIsNew,
    summary ? renderSections(summary.sections) : '<p class="muted">No summary yet.</p>',
    '</article>',
    extra.perspectives,
    renderSources(summary),
    renderStoriesAbout(view, story),
    renderAllArticles(view, articles),
    renderExternal(summary),
    '<section id="coverage-chart"><h2>Coverage over time</h2>',
    renderCoverageChart(articles, { outletName: (id) => outletName(view, id) }),
    '</section>',
  ];
  return renderPage({
    title: headline,
    siteTitle: view.edition.title,
    root: '../',
    home: `../${set.base}`,
    body: body.join('\n'),
  });
}

function renderSections(sections: readonly SummarySection[]): string {
  return sections
    .map((section) => {
      const sentences = section.sentences.map((sentence) => {
        const cites = sentence.citations
          .map((n) => `<sup class="cite"><a href="#source-${n}">[${n}]</a></sup>`)
          .join('');
        return `${escapeHtml(sentence.text)}${cites}`;
      });
      return `<section class="paragraph"><h3>${escapeHtml(section.heading)}</h3><p>${sentences.join(' ')}</p></section>`;
    })
    .join('\n');
}

function renderSources(summary: StorySummary | undefined): string {
  const sources = summary?.sources ?? [];
  const items = sources.map((source) => {
    const outlet = escapeHtml(source.outletName ?? source.outletId);
    const when = source.publishedAt ? ` · ${formatTime(source.publishedAt)}` : '';
    return `<li id="source-${source.n}" value="${source.n}">${externalLink(source.url, source.title)} <span class="meta">${outlet}${when}</span></li>`;
  });
  return `<section id="sources"><h2>Sources (${plural(sources.length, 'article')})</h2><ol class="sources">${items.join('')}</ol></section>`;
}

function renderStoriesAbout(view: EditionView, story: Story): string {
  const related = storiesAboutStory(view, story);
  const items = related.map((other) => {
    const count = plural(other.articleIds.length, 'article');
    return `<li><a href="../${storyPath(other.id)}">${escapeHtml(storyHeadline(view, other.id))}</a> <span class="meta">${count} · ${formatTime(other.updatedAt)}</span></li>`;
  });
  const list = items.length ? `<ul>${items.join('')}</ul>` : '<p class="muted">None yet.</p>';
  return `<section id="stories-about"><h2>Stories about this story (${plural(related.length, 'story', 'stories')})</h2>${list}</section>`;
}

function renderAllArticles(view: EditionView, articles: readonly Article[]): string {
  const items = articles.map((article) => {
    const outlet = escapeHtml(article.outletName ?? outletName(view, article.outletId));
    return `<li>${externalLink(article.url, article.title)} <span class="meta">${outlet} · ${formatTime(article.publishedAt)}</span></li>`;
  });
  return `<section id="all-articles"><h2>All related articles (${plural(articles.length, 'article')})</h2><ul>${items.join('')}</ul></section>`;
}

function renderExternal(summary: StorySummary | undefined): string {
  const resources = summary?.externalResources ?? [];
  const items = resources.map(
    (r) =>
      `<li>${externalLink(r.url, r.title ?? r.url)} <span class="meta">${escapeHtml(r.domain)}</span></li>`,
  );
  const list = items.length ? `<ul>${items.join('')}</ul>` : '<p class="muted">None.</p>';
  return `<section id="external-resources"><h2>External resources (${plural(resources.length, 'link')})</h2>${list}</section>`;
}

/**
 * The page left at a merged story's old address: a link (and a meta refresh, which the page's
 * policy allows since it runs no script) to the story that absorbed it.
 * @example renderRedirectPage(view, survivor, { base: '', archiveNav: '' })
 */
export function renderRedirectPage(view: EditionView, story: Story, set: PageSet): string {
  const href = `../${storyPath(story.id)}`;
  const headline = escapeHtml(storyHeadline(view, story.id));
  const body = `<h1>This story was merged</h1><p>It is now part of <a href="${href}">${headline}</a>.</p>`;
  return renderPage({
    title: 'Story merged',
    siteTitle: view.edition.title,
    root: '../',
    home: `../${set.base}`,
    body,
    refresh: href,
  });
}
