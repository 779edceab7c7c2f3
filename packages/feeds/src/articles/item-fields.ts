import { firstImage, htmlToText } from '../html/html-to-text';
import type { FeedItem } from '../types';
import { resolveUrl } from '../url/resolve-url';

const TITLE_MAX = 120;
const HTTP = /^https?:\/\//i;

/**
 * The item's absolute http(s) URL: its link, an alternate link, or a permalink guid, resolved
 * against the feed URL when relative.
 * @example itemLink(item, 'https://example.com/feed.xml')
 */
export function itemLink(
  item: FeedItem,
  feedUrl: string,
  shared: ReadonlySet<string> = new Set(),
): string | undefined {
  const base = HTTP.test(feedUrl) ? feedUrl : undefined;
  const guid = item.id && /^(https?:)?\/\//i.test(item.id) ? item.id : undefined;
  const own = [item.link, item.links.find((l) => l.rel === 'alternate')?.href];
  // A link every episode shares (a podcast's home page) does not identify the item: prefer a
  // URL guid or the enclosure then.
  const candidates =
    item.link && shared.has(item.link) ? [guid, item.enclosures[0]?.url, ...own] : [...own, guid];
  for (const candidate of candidates) {
    const url = resolveUrl(candidate, base);
    if (url && HTTP.test(url)) {
      try {
        return new URL(url).href;
      } catch {
        // not a parseable URL: try the next candidate
      }
    }
  }
  return undefined;
}

/** Plain text of a field that may hold HTML (unless its type says plain text), on one line. */
export function plainField(value: string, type = 'text/html'): string {
  const text = type === 'text/plain' ? value : htmlToText(value);
  return text.replace(/\s+/g, ' ').trim();
}

const SNIPPET_MAX = 400;

/** Plain text of each of the item's contents, in order (HTML converted, plain text trimmed). */
export function contentTexts(item: FeedItem): string[] {
  return item.content.map((c) => (c.type === 'text/plain' ? c.value.trim() : htmlToText(c.value)));
}

/**
 * A summary for an item that has only a body: the start of its first content (from
 * {@link contentTexts}) on one line, cut at a word boundary near 400 characters.
 * @example snippet(contentTexts(item)) // 'The first 400 characters or so of the story…'
 */
export function snippet(texts: readonly string[]): string | undefined {
  const first = texts[0];
  if (first === undefined) return undefined;
  const text = first.replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_MAX) return text;
  const cut = text.slice(0, SNIPPET_MAX);
  const space = cut.lastIndexOf(' ');
  return `${space > SNIPPET_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

/** The item's full text: its longest content text, unless it only repeats the summary. */
export function itemText(
  texts: readonly string[],
  summary: string | undefined,
): string | undefined {
  let best: string | undefined;
  for (const text of texts) if (text && (!best || text.length > best.length)) best = text;
  return best && best !== summary ? best : undefined;
}

/**
 * A title for an item that has none: the first sentence of its summary, cut at a word
 * boundary near 120 characters.
 * @example deriveTitle('Storm hits coast. Thousands without power.') // 'Storm hits coast.'
 */
export function deriveTitle(summary: string): string {
  const text = summary.replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const sentence = /^(.{12,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** The item's picture: its image, a media thumbnail or image, an image enclosure, or the first `<img>`. */
export function articleImage(item: FeedItem, html: string): string | undefined {
  const candidates = [
    item.image?.url,
    item.media?.thumbnails[0]?.url,
    item.media?.content.find((m) => m.medium === 'image' || m.type?.startsWith('image/'))?.url,
    item.enclosures.find((e) => e.type?.startsWith('image/'))?.url,
    firstImage(html),
  ];
  return candidates.find((url): url is string => !!url && HTTP.test(url) && URL.canParse(url));
}
