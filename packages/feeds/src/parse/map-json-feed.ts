import { NewsloomError } from '@newsloom/core';
import { sanitizeHtml } from '../html/sanitize-html';
import type { FeedItem, FeedMeta, FeedPerson, FeedVersion } from '../types';
import { resolveUrl } from '../url/resolve-url';
import { newFeed, newItem } from './new-records';
import { parseDate } from './parse-date';
import type { MapContext } from './read-text';

type Json = Record<string, unknown>;

/**
 * Maps a parsed JSON Feed (1.0 or 1.1) document to feed metadata and items.
 * @example mapJsonFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [] }, ctx, 100)
 * @throws {NewsloomError} `NOT_A_FEED` when the JSON is not a JSON Feed.
 */
export function mapJsonFeed(
  doc: unknown,
  ctx: MapContext,
  maxItems: number,
): { version: FeedVersion; feed: FeedMeta; items: FeedItem[] } {
  if (!isObject(doc) || (typeof doc.version !== 'string' && !Array.isArray(doc.items))) {
    const keys = isObject(doc) ? Object.keys(doc).slice(0, 5).join(', ') : typeof doc;
    throw new NewsloomError(
      'NOT_A_FEED',
      `This JSON is not a JSON Feed (no "version" or "items"; found ${keys}). Check the URL points at the feed itself.`,
    );
  }
  const version = String(doc.version ?? '');
  const base = str(doc.feed_url) ?? ctx.docUrl;
  const feed = newFeed();
  feed.authors = people(doc, base);
  set(feed, 'title', str(doc.title));
  set(feed, 'subtitle', str(doc.description));
  const home = resolveUrl(str(doc.home_page_url), base);
  if (home) {
    feed.link = home;
    feed.links.push({ href: home, rel: 'alternate', type: 'text/html' });
  }
  const self = resolveUrl(str(doc.feed_url), base);
  if (self) feed.links.push({ href: self, rel: 'self', type: 'application/feed+json' });
  const icon = resolveUrl(str(doc.icon), base);
  if (icon) feed.image = { url: icon };
  set(feed, 'icon', resolveUrl(str(doc.favicon), base));
  set(feed, 'language', str(doc.language));
  if (feed.authors[0]?.name) feed.author = feed.authors[0].name;
  const rawItems = Array.isArray(doc.items) ? doc.items : [];
  const items: FeedItem[] = [];
  for (const raw of rawItems.slice(0, maxItems)) {
    if (isObject(raw)) items.push(mapItem(raw, base, ctx));
    else
      ctx.diagnostics.push({
        severity: 'warning',
        code: 'ITEM_SKIPPED',
        message: 'A JSON Feed item is not an object; it was skipped.',
      });
  }
  const v: FeedVersion = /version\/1\.1/.test(version)
    ? 'json11'
    : /version\/1/.test(version)
      ? 'json10'
      : 'json';
  return { version: v, feed, items };
}

function mapItem(raw: Json, base: string | undefined, ctx: MapContext): FeedItem {
  const item = newItem();
  item.authors = people(raw, base);
  const id = raw.id === undefined || raw.id === null ? undefined : String(raw.id);
  set(item, 'id', id);
  const url = resolveUrl(str(raw.url), base);
  if (url) {
    item.link = url;
    item.links.push({ href: url, rel: 'alternate', type: 'text/html' });
  }
  const external = resolveUrl(str(raw.external_url), base);
  if (external) item.links.push({ href: external, rel: 'related' });
  set(item, 'title', str(raw.title));
  set(item, 'summary', str(raw.summary));
  const html = str(raw.content_html);
  if (html)
    item.content.push({ value: sanitizeHtml(html, { base: url ?? base }), type: 'text/html' });
  const text = str(raw.content_text);
  if (text) item.content.push({ value: text, type: 'text/plain' });
  for (const [field, key] of [
    ['date_published', 'published'],
    ['date_modified', 'updated'],
  ] as const) {
    const value = str(raw[field]);
    const iso = parseDate(value);
    if (iso) item[key] = iso;
    else if (value)
      ctx.diagnostics.push({
        severity: 'warning',
        code: 'BAD_DATE',
        message: `Unreadable date "${value.slice(0, 60)}" in ${field}.`,
        location: { field },
      });
  }
  const image = resolveUrl(str(raw.image) ?? str(raw.banner_image), base);
  if (image) item.image = { url: image };
  if (Array.isArray(raw.tags))
    for (const tag of raw.tags)
      if (typeof tag === 'string' && tag.trim()) item.categories.push({ term: tag.trim() });
  if (Array.isArray(raw.attachments)) {
    for (const a of raw.attachments) {
      const href = isObject(a) ? resolveUrl(str(a.url), base) : undefined;
      if (!href || !isObject(a)) continue;
      const type = str(a.mime_type);
      const length = typeof a.size_in_bytes === 'number' ? a.size_in_bytes : undefined;
      item.enclosures.push({
        url: href,
        ...(type ? { type } : {}),
        ...(length !== undefined ? { length } : {}),
      });
    }
  }
  if (item.authors[0]?.name) item.author = item.authors[0].name;
  return item;
}

function people(holder: Json, base: string | undefined): FeedPerson[] {
  const list = Array.isArray(holder.authors)
    ? holder.authors
    : holder.author
      ? [holder.author]
      : [];
  const result: FeedPerson[] = [];
  for (const p of list) {
    if (!isObject(p)) continue;
    const person: FeedPerson = {};
    const name = str(p.name);
    const url = resolveUrl(str(p.url), base);
    if (name) person.name = name;
    if (url) person.url = url;
    if (name || url) result.push(person);
  }
  return result;
}

function set<T extends object>(target: T, key: keyof T & string, value: string | undefined): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
