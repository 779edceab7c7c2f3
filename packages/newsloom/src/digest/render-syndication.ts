import type { Story } from '@newsloom/core';
import { type EditionView, storyHeadline, storyPath } from './edition-view';
import { escapeHtml, safeHref } from './html';

// The digest as a feed of its own: one entry per story of the edition (ranked stories first),
// with its summary and sources, as Atom 1.0 and JSON Feed 1.1.

/** Options of the digest's feeds. */
export interface SyndicationOptions {
  /** Absolute URL of the published site (e.g. `https://news.example/`); links stay relative without it. */
  siteUrl?: string | undefined;
}

function linkTo(path: string, options: SyndicationOptions): string {
  return options.siteUrl ? new URL(path, options.siteUrl).href : path;
}

/** Stories in feed order: the ranked ones by rank, then the rest, newest first. */
function feedStories(view: EditionView): Story[] {
  const ranked = view.edition.coverage.topHeadlines
    .map((t) => view.stories.get(t.storyId))
    .filter((s): s is Story => s !== undefined);
  const seen = new Set(ranked.map((s) => s.id));
  const rest = view.edition.stories
    .filter((s) => !seen.has(s.id))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return [...ranked, ...rest];
}

/** The story's summary as HTML: titled paragraphs with `[n]` links, then its sources. */
function contentHtml(view: EditionView, story: Story, page: string): string {
  const summary = view.summaries.get(story.id);
  if (!summary)
    return `<p><a href="${escapeHtml(page)}">${escapeHtml(storyHeadline(view, story.id))}</a></p>`;
  const sections = summary.sections.map((section) => {
    const text = section.sentences
      .map(
        (s) =>
          `${escapeHtml(s.text)}${s.citations.map((n) => `<a href="${escapeHtml(page)}#source-${n}">[${n}]</a>`).join('')}`,
      )
      .join(' ');
    return `<h3>${escapeHtml(section.heading)}</h3><p>${text}</p>`;
  });
  const sources = summary.sources.map((source) => {
    const href = safeHref(source.url);
    const title = escapeHtml(source.title);
    const outlet = escapeHtml(source.outletName ?? source.outletId);
    return `<li>${href ? `<a href="${href}">${title}</a>` : title} (${outlet})</li>`;
  });
  return `${sections.join('')}<h3>Sources</h3><ol>${sources.join('')}</ol>`;
}

function plainSummary(view: EditionView, story: Story): string {
  const sentences = (view.summaries.get(story.id)?.sections ?? []).flatMap((s) => s.sentences);
  return sentences
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ');
}

function newest(view: EditionView): string {
  const times = view.edition.stories.map((s) => s.updatedAt).sort();
  return times.at(-1) ?? view.edition.generatedAt;
}

/**
 * The edition as an Atom 1.0 feed (`feed.xml`). Pure: its `updated` is the newest story's, so
 * a run that changed nothing writes the same bytes.
 * @example renderAtom(createEditionView(edition), { siteUrl: 'https://news.example/' })
 */
export function renderAtom(view: EditionView, options: SyndicationOptions = {}): string {
  const x = escapeHtml;
  const entries = feedStories(view).map((story) => {
    const page = linkTo(storyPath(story.id), options);
    const summary = plainSummary(view, story);
    return [
      '<entry>',
      `<title>${x(storyHeadline(view, story.id))}</title>`,
      `<id>urn:newsloom:story:${x(story.id)}</id>`,
      `<published>${x(story.createdAt)}</published>`,
      `<updated>${x(story.updatedAt)}</updated>`,
      `<link rel="alternate" type="text/html" href="${x(page)}"/>`,
      summary ? `<summary>${x(summary)}</summary>` : '',
      `<content type="html">${x(contentHtml(view, story, page))}</content>`,
      '</entry>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${x(view.edition.title)}</title>
<id>${x(options.siteUrl ?? `urn:newsloom:digest:${encodeURIComponent(view.edition.title)}`)}</id>
<updated>${x(newest(view))}</updated>
<author><name>newsloom</name></author>
<generator>newsloom</generator>
<link rel="alternate" type="text/html" href="${x(linkTo('index.html', options))}"/>
<link rel="self" type="application/atom+xml" href="${x(linkTo('feed.xml', options))}"/>
${entries.join('\n')}
</feed>
`;
}

/**
 * The edition as a JSON Feed 1.1 (`feed.json`).
 * @example JSON.parse(renderJsonFeed(createEditionView(edition))).items[0].title
 */
export function renderJsonFeed(view: EditionView, options: SyndicationOptions = {}): string {
  const items = feedStories(view).map((story) => {
    const page = linkTo(storyPath(story.id), options);
    const summary = plainSummary(view, story);
    return {
      id: `urn:newsloom:story:${story.id}`,
      url: page,
      title: storyHeadline(view, story.id),
      content_html: contentHtml(view, story, page),
      ...(summary && { summary }),
      date_published: story.createdAt,
      date_modified: story.updatedAt,
    };
  });
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: view.edition.title,
    home_page_url: linkTo('index.html', options),
    feed_url: linkTo('feed.json', options),
    authors: [{ name: 'newsloom' }],
    items,
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
