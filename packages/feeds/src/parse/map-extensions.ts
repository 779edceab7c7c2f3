import type { FeedItem, FeedItunes, FeedMedia, FeedMeta, MediaObject } from '../types';
import { resolveUrl } from '../url/resolve-url';
import type { XmlElement } from '../xml/parse-xml';
import { readGeo } from './geo';
import { addCategory, setText, type Target } from './map-elements';
import { type MapContext, readText } from './read-text';

/**
 * Media RSS, iTunes, slash, GeoRSS, RSS/Atom `source`, and any other simple element (kept in
 * `extensions` under its normalised name).
 * @example applyExtension(item, mediaContentElement, ctx)
 */
export function applyExtension(t: Target, el: XmlElement, ctx: MapContext): void {
  const name = el.name;
  if (name === 'media:title' && t.title === undefined) setText(t, 'title', el, ctx, 'text/plain');
  if (name === 'media:category') {
    const scheme = el.attrs.scheme ?? 'http://search.yahoo.com/mrss/category_schema';
    addCategory(t, el.text.trim(), scheme, el.attrs.label);
  } else if (name.startsWith('media:')) applyMedia(mediaOf(t), el, ctx);
  else if (name.startsWith('itunes:')) applyItunes(t, el, ctx);
  else if (name === 'source') readSource(t, el, ctx);
  else if (name === 'slash:comments') {
    const n = Number.parseInt(el.text, 10);
    if (Number.isFinite(n) && ctx.inItem) (t as FeedItem).commentCount = n;
  } else if (name.startsWith('georss:') || name.startsWith('geo:') || name.startsWith('gml:')) {
    if (ctx.inItem) readGeo(t as FeedItem, el);
  } else if (el.children.length === 0 && !(name in t.extensions)) {
    const text = el.text.trim();
    const value = text || el.attrs['rdf:resource'] || el.attrs.href || el.attrs.url || '';
    t.extensions[name] = URL_EXTENSIONS.has(name)
      ? (resolveUrl(value, el.base ?? ctx.docUrl) ?? value)
      : value;
  }
}

const URL_EXTENSIONS = new Set([
  'wfw:comment',
  'wfw:commentrss',
  'trackback:ping',
  'feedburner:origlink',
  'pingback:server',
  'pingback:target',
]);

function mediaOf(t: Target): FeedMedia {
  const holder = t as FeedItem;
  holder.media ??= { content: [], thumbnails: [], keywords: [], credits: [] };
  return holder.media;
}

function applyMedia(media: FeedMedia, el: XmlElement, ctx: MapContext): void {
  const text = el.text.trim();
  switch (el.name) {
    case 'media:group':
      for (const child of el.children) applyMedia(media, child, ctx);
      return;
    case 'media:content': {
      const object = mediaObject(el, ctx);
      if (object) media.content.push(object);
      for (const child of el.children) applyMedia(media, child, ctx);
      return;
    }
    case 'media:thumbnail': {
      const object = mediaObject(el, ctx);
      if (object) media.thumbnails.push(object);
      return;
    }
    case 'media:title':
      if (text) media.title ??= readText(el, ctx, 'text/plain').value;
      return;
    case 'media:description':
      if (text) media.description ??= readText(el, ctx, 'text/plain').value;
      return;
    case 'media:keywords':
      media.keywords.push(...splitList(text));
      return;
    case 'media:credit':
      if (text)
        media.credits.push({ value: text, ...(el.attrs.role ? { role: el.attrs.role } : {}) });
      return;
  }
}

function mediaObject(el: XmlElement, ctx: MapContext): MediaObject | undefined {
  const url = resolveUrl(el.attrs.url, el.base ?? ctx.docUrl);
  if (!url) return undefined;
  const object: MediaObject = { url };
  if (el.attrs.type) object.type = el.attrs.type;
  if (el.attrs.medium) object.medium = el.attrs.medium;
  for (const [key, attr] of NUMERIC_MEDIA_ATTRS) {
    const value = el.attrs[attr];
    const n = Number(value);
    if (value && Number.isFinite(n)) object[key] = n;
  }
  return object;
}

const NUMERIC_MEDIA_ATTRS = [
  ['width', 'width'],
  ['height', 'height'],
  ['duration', 'duration'],
  ['fileSize', 'filesize'],
] as const;

const ITUNES_TEXT = new Set(['author', 'subtitle', 'summary', 'duration', 'type', 'episodetype']);

function itunesOf(t: Target): FeedItunes {
  t.itunes ??= { categories: [], keywords: [] };
  return t.itunes;
}

function applyItunes(t: Target, el: XmlElement, ctx: MapContext): void {
  const it = itunesOf(t);
  const text = el.text.trim();
  const local = el.name.slice(7);
  if (local === 'image' || (local === 'link' && el.attrs.rel === 'image')) {
    const url = resolveUrl(el.attrs.href ?? el.attrs.url ?? text, el.base ?? ctx.docUrl);
    if (url) {
      it.image = url;
      t.image ??= { url };
    }
  } else if (local === 'category') {
    readItunesCategory(t, it, el);
  } else if (local === 'keywords') {
    for (const term of splitList(text)) {
      it.keywords.push(term);
      addCategory(t, term, 'http://www.itunes.com/');
    }
  } else if (local === 'owner') {
    const get = (n: string) => el.children.find((c) => c.name === `itunes:${n}`)?.text.trim();
    const [name, email] = [get('name'), get('email')];
    it.owner = { ...(name ? { name } : {}), ...(email ? { email } : {}) };
    t.publisher ??= it.owner;
  } else if (local === 'block') {
    it.block = text.toLowerCase() === 'yes';
  } else if (local === 'explicit') {
    const flag = /^(yes|true|explicit)$/i.test(text)
      ? true
      : /^(no|false|clean)$/i.test(text)
        ? false
        : undefined;
    if (flag !== undefined) it.explicit = flag;
  } else if (local === 'episode' || local === 'season') {
    const n = Number.parseInt(text, 10);
    if (Number.isFinite(n)) it[local] = n;
  } else if (ITUNES_TEXT.has(local)) {
    if (text) it[local === 'episodetype' ? 'episodeType' : (local as 'author')] = text;
    if (local === 'author' && text && t.authors.length === 0) t.authors.push({ name: text });
    if (local === 'subtitle' && text && !ctx.inItem) (t as FeedMeta).subtitle ??= text;
    if (local === 'summary' && text) {
      if (ctx.inItem) (t as FeedItem).summary ??= text;
      else (t as FeedMeta).subtitle ??= text;
    }
  }
}

function readItunesCategory(t: Target, it: FeedItunes, el: XmlElement): void {
  const term = el.attrs.text?.trim();
  if (!term) return;
  it.categories.push(term);
  addCategory(t, term, 'http://www.itunes.com/');
  for (const child of el.children)
    if (child.name === 'itunes:category') readItunesCategory(t, it, child);
}

function readSource(t: Target, el: XmlElement, ctx: MapContext): void {
  if (!ctx.inItem) return;
  const item = t as FeedItem;
  if (el.children.length === 0) {
    const title = el.text.trim();
    const url = resolveUrl(el.attrs.url, el.base ?? ctx.docUrl);
    item.source = { ...(title ? { title } : {}), ...(url ? { url } : {}) };
    return;
  }
  item.source = readSourceFeed(el, ctx);
}

// Filled in by map-feed, which knows how to read a whole Atom feed element.
let readSourceFeed: (el: XmlElement, ctx: MapContext) => Partial<FeedMeta> = () => ({});

/** Registers how an Atom `source` (a feed inside an entry) is read. */
export function setSourceReader(
  reader: (el: XmlElement, ctx: MapContext) => Partial<FeedMeta>,
): void {
  readSourceFeed = reader;
}

function splitList(text: string): string[] {
  const terms: string[] = [];
  for (const part of text.split(',')) {
    const term = part.trim();
    if (term) terms.push(term);
  }
  return terms;
}
