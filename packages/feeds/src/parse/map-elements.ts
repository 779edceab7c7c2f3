import type {
  FeedCategory,
  FeedCommon,
  FeedEnclosure,
  FeedItem,
  FeedLink,
  FeedMeta,
  TextDetail,
} from '../types';
import { resolveUrl } from '../url/resolve-url';
import type { XmlElement } from '../xml/parse-xml';
import { applyExtension } from './map-extensions';
import { parseDate } from './parse-date';
import { formatPerson, parsePersonString, readAtomPerson } from './people';
import { type MapContext, readText } from './read-text';

/** A feed or an item while it is being filled. */
export type Target = FeedMeta | FeedItem;

type Handler = (t: Target, el: XmlElement, ctx: MapContext) => void;

const DATE_FIELDS: Record<string, 'published' | 'updated' | 'created' | 'expired'> = {
  pubdate: 'published',
  published: 'published',
  issued: 'published',
  'dcterms:issued': 'published',
  updated: 'updated',
  modified: 'updated',
  lastbuilddate: 'updated',
  'dc:date': 'updated',
  'dcterms:modified': 'updated',
  created: 'created',
  'dcterms:created': 'created',
  expirationdate: 'expired',
  'cdf:lastmod': 'updated',
  lastmod: 'updated',
};

const HANDLERS: Record<string, Handler> = {
  title: (t, el, ctx) => setText(t, 'title', el, ctx, 'text/plain'),
  'dc:title': (t, el, ctx) => t.title === undefined && setText(t, 'title', el, ctx, 'text/plain'),
  description: (t, el, ctx) =>
    setOnce(t, ctx.inItem ? 'summary' : 'subtitle', el, ctx, 'text/html'),
  'dc:description': (t, el, ctx) =>
    setOnce(t, ctx.inItem ? 'summary' : 'subtitle', el, ctx, 'text/html'),
  abstract: (t, el, ctx) => setText(t, ctx.inItem ? 'summary' : 'subtitle', el, ctx, 'text/plain'),
  subtitle: (t, el, ctx) => setText(t, 'subtitle', el, ctx, 'text/plain'),
  tagline: (t, el, ctx) => setText(t, 'subtitle', el, ctx, 'text/plain'),
  info: (t, el, ctx) => setText(t, 'info', el, ctx, 'text/plain'),
  summary: (t, el, ctx) => setOnce(t, 'summary', el, ctx, 'text/plain'),
  rights: (t, el, ctx) => setText(t, 'rights', el, ctx, 'text/plain'),
  copyright: (t, el, ctx) => setText(t, 'rights', el, ctx, 'text/plain'),
  'dc:rights': (t, el, ctx) => setText(t, 'rights', el, ctx, 'text/plain'),
  content: (t, el, ctx) => addContent(t, el, ctx, 'text/plain'),
  'content:encoded': (t, el, ctx) => addContent(t, el, ctx, 'text/html'),
  'xhtml:body': (t, el, ctx) => addContent(t, el, ctx, 'application/xhtml+xml'),
  body: (t, el, ctx) => addContent(t, el, ctx, 'text/html'),
  'feedburner:browserfriendly': (t, el, ctx) => setText(t, 'info', el, ctx, 'text/plain'),
  fullitem: (t, el, ctx) => addContent(t, el, ctx, 'text/html'),
  link: addLink,
  id: (t, el, ctx) =>
    setPlain(
      t,
      'id',
      /^\.{0,2}\//.test(el.text.trim()) ? resolveUrl(el.text, el.base ?? ctx.docUrl) : el.text,
    ),
  guid: readGuid,
  author: (t, el, ctx) => addPerson(t, 'authors', el, ctx),
  'dc:creator': (t, el, ctx) => addPerson(t, 'authors', el, ctx),
  'dc:author': (t, el, ctx) => addPerson(t, 'authors', el, ctx),
  managingeditor: (t, el, ctx) => addPerson(t, 'authors', el, ctx),
  contributor: (t, el, ctx) => addPerson(t, 'contributors', el, ctx),
  'dc:contributor': (t, el, ctx) => addPerson(t, 'contributors', el, ctx),
  webmaster: (t, el) => setPublisher(t, el),
  'dc:publisher': (t, el) => setPublisher(t, el),
  category: readCategory,
  'dc:subject': (t, el) => addCategory(t, el.text.trim()),
  language: (t, el) => setPlain(t, 'language', el.text),
  'dc:language': (t, el) => t.language === undefined && setPlain(t, 'language', el.text),
  generator: readGenerator,
  ttl: (t, el) => setNumber(t, 'ttl', el.text),
  docs: (t, el, ctx) => setPlain(t, 'docs', resolveUrl(el.text, el.base ?? ctx.docUrl)),
  comments: (t, el, ctx) => setPlain(t, 'comments', resolveUrl(el.text, el.base ?? ctx.docUrl)),
  icon: (t, el, ctx) => setPlain(t, 'icon', resolveUrl(el.text, el.base ?? ctx.docUrl)),
  logo: (t, el, ctx) => setImageUrl(t, resolveUrl(el.text, el.base ?? ctx.docUrl)),
  image: readImage,
  enclosure: readEnclosure,
  cloud: (t, el, ctx) => {
    if (!ctx.inItem) (t as FeedMeta).cloud = { ...el.attrs };
  },
};

// Maps, not object literals: names with ':' would put an object in slow dictionary mode.
const HANDLER_MAP = new Map(Object.entries(HANDLERS));
const DATE_MAP = new Map(Object.entries(DATE_FIELDS));

/**
 * Applies one child element of a channel, feed, item or entry to the object being built,
 * in feedparser's normalised vocabulary. Unknown simple elements land in `extensions`.
 * @example applyElement(item, titleElement, ctx)
 */
export function applyElement(t: Target, el: XmlElement, ctx: MapContext): void {
  const handler = HANDLER_MAP.get(el.name);
  const dateField = handler ? undefined : DATE_MAP.get(el.name);
  if (handler) handler(t, el, ctx);
  else if (dateField) setDate(t, dateField, el, ctx);
  else applyExtension(t, el, ctx);
}

/** Sets a text field and records how it was written in `details`. */
export function setText(
  t: Target,
  key: string,
  el: XmlElement,
  ctx: MapContext,
  type: string,
): void {
  const content = readText(el, ctx, type);
  const detail: TextDetail = { type: content.type };
  if (content.language !== undefined) detail.language = content.language;
  if (content.base !== undefined) detail.base = content.base;
  (t as unknown as Record<string, unknown>)[key] = content.value;
  t.details[key] = detail;
}

function setOnce(t: Target, key: string, el: XmlElement, ctx: MapContext, type: string): void {
  if ((t as unknown as Record<string, unknown>)[key] === undefined) setText(t, key, el, ctx, type);
}

function addContent(t: Target, el: XmlElement, ctx: MapContext, type: string): void {
  if (ctx.inItem) (t as FeedItem).content.push(readText(el, ctx, type));
  else setText(t, 'info', el, ctx, type);
}

function setPlain(t: Target, key: string, value: string | undefined): void {
  const trimmed = value?.trim();
  if (trimmed) (t as unknown as Record<string, unknown>)[key] = trimmed;
}

function setNumber(t: Target, key: string, value: string): void {
  const n = Number.parseInt(value.trim(), 10);
  if (Number.isFinite(n)) (t as unknown as Record<string, unknown>)[key] = n;
}

function setDate(t: Target, key: string, el: XmlElement, ctx: MapContext): void {
  const raw = el.text.trim();
  if (!raw) return;
  const iso = parseDate(raw);
  if (iso === undefined) {
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'BAD_DATE',
      message: `Unreadable date "${raw.slice(0, 60)}" in <${el.name}>; the field is left empty.`,
      location: { field: el.name },
    });
    return;
  }
  const record = t as unknown as Record<string, unknown>;
  record[key] = iso; // the last value wins, as in feedparser
}

function addLink(t: Target, el: XmlElement, ctx: MapContext): void {
  const base = el.base ?? ctx.docUrl;
  const href = el.attrs.href ?? el.attrs.url;
  if (href === undefined) {
    const url = resolveUrl(el.text, base);
    if (!url) return;
    if (t.link === undefined) t.link = url;
    t.links.push({ href: url, rel: 'alternate', type: 'text/html' });
    return;
  }
  const resolved = href.trim() === '' ? base : resolveUrl(href, base);
  if (!resolved) return;
  const link: FeedLink = { href: resolved, rel: el.attrs.rel?.trim() || 'alternate' };
  const type =
    el.attrs.type ??
    (ctx.atom ? (link.rel === 'self' ? 'application/atom+xml' : 'text/html') : undefined);
  if (type) link.type = type;
  if (el.attrs.title) link.title = el.attrs.title;
  if (el.attrs.hreflang) link.hreflang = el.attrs.hreflang;
  const length = Number.parseInt(el.attrs.length ?? '', 10);
  if (Number.isFinite(length)) link.length = length;
  t.links.push(link);
  if (link.rel === 'alternate' && t.link === undefined) t.link = resolved;
  if (link.rel === 'enclosure' && ctx.inItem) {
    const enclosure: FeedEnclosure = { url: resolved };
    if (link.type) enclosure.type = link.type;
    if (link.length !== undefined) enclosure.length = link.length;
    (t as FeedItem).enclosures.push(enclosure);
  }
}

function readGuid(t: Target, el: XmlElement, ctx: MapContext): void {
  const id = el.text.trim();
  if (!id) return;
  t.id = id;
  const declared = el.attrs.ispermalink?.trim().toLowerCase();
  // A guid is the item's link when it says so, or (undeclared) when it is an absolute URL.
  const link =
    declared === 'true' || (declared === undefined && /^https?:\/\//i.test(id))
      ? resolveUrl(id, el.base ?? ctx.docUrl)
      : undefined;
  if (link) ctx.guidLink = link;
}

function addPerson(
  t: Target,
  key: 'authors' | 'contributors',
  el: XmlElement,
  ctx: MapContext,
): void {
  const person =
    el.children.length > 0 ? readAtomPerson(el, el.base ?? ctx.docUrl) : parsePersonString(el.text);
  if (person.name === undefined && person.email === undefined && person.url === undefined) return;
  t[key].push(person);
  if (key === 'authors' && t.author === undefined) {
    const formatted = el.children.length > 0 ? formatPerson(person) : el.text.trim();
    if (formatted) t.author = formatted;
  }
}

function setPublisher(t: Target, el: XmlElement): void {
  if (el.text.trim()) t.publisher = parsePersonString(el.text);
}

function readCategory(t: Target, el: XmlElement): void {
  addCategory(
    t,
    (el.attrs.term ?? el.text).trim(),
    el.attrs.scheme ?? el.attrs.domain,
    el.attrs.label,
  );
}

/** Adds a category unless the same term and scheme is already there. */
export function addCategory(t: Target, term: string, scheme?: string, label?: string): void {
  if (!term) return;
  for (const c of t.categories) if (c.term === term && c.scheme === scheme) return;
  const category: FeedCategory = { term };
  if (scheme) category.scheme = scheme;
  if (label) category.label = label;
  t.categories.push(category);
}

function readGenerator(t: Target, el: XmlElement, ctx: MapContext): void {
  if (ctx.inItem) return;
  const meta = t as FeedMeta;
  const name = el.text.trim();
  if (name) meta.generator = name;
  const url = resolveUrl(el.attrs.uri ?? el.attrs.url, el.base ?? ctx.docUrl);
  meta.generatorDetail = {
    ...(name ? { name } : {}),
    ...(url ? { url } : {}),
    ...(el.attrs.version ? { version: el.attrs.version } : {}),
  };
}

function setImageUrl(t: Target, url: string | undefined): void {
  if (url) t.image = { ...t.image, url };
}

function readImage(t: Target, el: XmlElement, ctx: MapContext): void {
  const base = el.base ?? ctx.docUrl;
  const get = (name: string) => el.children.find((c) => c.name === name)?.text.trim();
  const url = resolveUrl(get('url') ?? el.attrs['rdf:resource'] ?? el.attrs.href ?? el.text, base);
  if (!url) return;
  const image: FeedCommon['image'] = { url };
  const title = get('title');
  const description = get('description');
  if (description) image.description = description;
  const link = resolveUrl(get('link'), base);
  if (title) image.title = title;
  if (link) image.link = link;
  for (const dim of ['width', 'height'] as const) {
    const n = Number.parseInt(get(dim) ?? '', 10);
    if (Number.isFinite(n)) image[dim] = n;
  }
  t.image = image;
}

function readEnclosure(t: Target, el: XmlElement, ctx: MapContext): void {
  if (!ctx.inItem) return;
  const url = resolveUrl(
    el.attrs.url ?? el.attrs.href ?? el.attrs['rdf:resource'],
    el.base ?? ctx.docUrl,
  );
  if (!url) return;
  const type = el.attrs.type;
  const length = Number.parseInt(el.attrs.length ?? '', 10);
  // Built field by field rather than spread from a shared object: the same keys in the same
  // order, without the temporary objects (podcasts have an enclosure per item).
  const enclosure: FeedEnclosure = { url };
  const link: FeedLink = { href: url, rel: 'enclosure' };
  if (type) enclosure.type = link.type = type;
  if (Number.isFinite(length)) enclosure.length = link.length = length;
  (t as FeedItem).enclosures.push(enclosure);
  t.links.push(link);
}
