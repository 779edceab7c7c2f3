import type { Article, Edition, Outlet, Story, StorySummary } from '@newsloom/core';

/** Lookups over an {@link Edition} that every renderer needs. */
export interface EditionView {
  edition: Edition;
  articles: Map<string, Article>;
  outlets: Map<string, Outlet>;
  stories: Map<string, Story>;
  summaries: Map<string, StorySummary>;
  /** Children of each storyline parent. */
  children: Map<string, Story[]>;
  /** Stories that list each story among their `relatedIds`. */
  relatedBy: Map<string, Story[]>;
}

function groupBy(
  stories: readonly Story[],
  keys: (story: Story) => readonly string[],
): Map<string, Story[]> {
  const map = new Map<string, Story[]>();
  for (const story of stories) {
    for (const key of keys(story)) {
      const list = map.get(key) ?? [];
      list.push(story);
      map.set(key, list);
    }
  }
  return map;
}

/**
 * Builds the lookups of an edition (pure).
 * @example const view = createEditionView(edition); view.stories.get(id)
 */
export function createEditionView(edition: Edition): EditionView {
  return {
    edition,
    articles: new Map(edition.articles.map((a) => [a.id, a])),
    outlets: new Map(edition.outlets.map((o) => [o.id, o])),
    stories: new Map(edition.stories.map((s) => [s.id, s])),
    summaries: new Map(edition.summaries.map((s) => [s.storyId, s])),
    children: groupBy(edition.stories, (s) => (s.parentId ? [s.parentId] : [])),
    relatedBy: groupBy(edition.stories, (s) => s.relatedIds),
  };
}

/**
 * The display name of an outlet id.
 * @example outletName(view, 'bbc-news') // 'BBC News'
 */
export function outletName(view: EditionView, outletId: string): string {
  return view.outlets.get(outletId)?.name ?? outletId;
}

/**
 * A story's headline: its summary's, else its first article's title, else its id.
 * @example storyHeadline(view, story.id)
 */
export function storyHeadline(view: EditionView, storyId: string): string {
  const summary = view.summaries.get(storyId);
  if (summary) return summary.headline;
  const story = view.stories.get(storyId);
  const first = story?.articleIds[0];
  const article = first ? view.articles.get(first) : undefined;
  return article?.title ?? storyId;
}

/**
 * The articles of a story that the edition holds, in publication order.
 * @example storyArticles(view, story)[0]?.title
 */
export function storyArticles(view: EditionView, story: Story): Article[] {
  return story.articleIds
    .map((id) => view.articles.get(id))
    .filter((a): a is Article => a !== undefined)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
}

/**
 * Distinct outlet ids of a story's articles, sorted.
 * @example storyOutletIds(view, story).length // breadth before families
 */
export function storyOutletIds(view: EditionView, story: Story): string[] {
  return [...new Set(storyArticles(view, story).map((a) => a.outletId))].sort();
}

/**
 * "Stories about this story": the storyline parent, its other children, this story's own
 * children and the related stories, without duplicates, in a stable order.
 * @example storiesAboutStory(view, story).map((s) => s.id)
 */
export function storiesAboutStory(view: EditionView, story: Story): Story[] {
  const ids: string[] = [];
  if (story.parentId) {
    ids.push(story.parentId);
    for (const sibling of view.children.get(story.parentId) ?? []) ids.push(sibling.id);
  }
  for (const child of view.children.get(story.id) ?? []) ids.push(child.id);
  ids.push(...story.relatedIds);
  for (const other of view.relatedBy.get(story.id) ?? []) ids.push(other.id);
  const seen = new Set<string>([story.id]);
  const result: Story[] = [];
  for (const id of ids) {
    const found = view.stories.get(id);
    if (!found || seen.has(found.id)) continue;
    seen.add(found.id);
    result.push(found);
  }
  return result;
}

/**
 * The file name of a story page, relative to the site root.
 * @example storyPath('s-1a2b') // 'stories/s-1a2b.html'
 */
export function storyPath(storyId: string): string {
  return `stories/${storyId.replace(/[^A-Za-z0-9_-]/g, '_')}.html`;
}
