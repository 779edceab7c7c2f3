import { resolveUrl } from '../url/resolve-url';
import type { FeedItem, FeedMeta, FeedVersion } from '../types';
import { ATOM03_NS, ATOM10_NS } from '../xml/namespaces';
import type { XmlElement } from '../xml/parse-xml';
import { applyElement, type Target } from './map-elements';
import { setSourceReader } from './map-extensions';
import type { MapContext } from './read-text';

const RSS_VERSIONS: Record<string, FeedVersion> = {
  '0.90': 'rss090', '0.9': 'rss090', '0.91': 'rss091u', '0.92': 'rss092', '0.93': 'rss093', '0.94': 'rss094',
  '2.0': 'rss20', '2.00': 'rss20', '2': 'rss20', '2.0.1': 'rss20', '2.01': 'rss20',
};

/** The feed's layout: where its channel data and its items are. */
export interface FeedShape {
  version: FeedVersion;
  /** Elements whose children describe the feed. */
  containers: XmlElement[];
  atom: boolean;
}

/**
 * Recognises the feed format and version from the root element, or `undefined` when the
 * document is not a feed.
 * @example detectShape(parseXml('<rss version="2.0"><channel/></rss>').root!, undefined)?.version // 'rss20'
 */
export function detectShape(root: XmlElement, doctype: string | undefined): FeedShape | undefined {
  const channel = root.children.find((c) => c.name === 'channel');
  switch (root.name) {
    case 'rss': {
      const declared = root.attrs.version?.trim() ?? '';
      let version = RSS_VERSIONS[declared] ?? (declared.startsWith('2.') ? 'rss20' : declared === '1.0' ? 'rss10' : 'rss');
      if (version === 'rss091u' && doctype && /netscape/i.test(doctype)) version = 'rss091n';
      return { version, containers: channel ? [channel] : [root], atom: false };
    }
    case 'rdf:rdf':
    case 'rdf': {
      const ns = (channel ?? root.children.find((c) => c.name === 'item'))?.ns ?? Object.values(root.attrs).join(' ');
      const version: FeedVersion = ns.includes('/rss/1.0') ? 'rss10' : ns.includes('netscape.com/rdf/simple/0.9') ? 'rss090' : 'rss';
      return { version, containers: channel ? [channel, root] : [root], atom: false };
    }
    case 'feed': {
      const version: FeedVersion = root.ns === ATOM10_NS ? 'atom10' : root.ns === ATOM03_NS || root.attrs.version === '0.3' ? 'atom03' : 'atom';
      return { version, containers: [root], atom: true };
    }
    case 'channel':
      return { version: 'cdf', containers: [root], atom: false };
    default:
      return channel ? { version: 'rss', containers: [channel], atom: false } : undefined;
  }
}

/** Options of {@link mapFeed}. */
export interface MapFeedLimits {
  maxItems: number;
}

/**
 * Maps the element tree of a recognised feed to feed metadata and items. One item that fails
 * to map is reported and skipped; the rest of the feed survives.
 * @example const { feed, items } = mapFeed(shape, ctx, { maxItems: 10_000 })
 */
export function mapFeed(shape: FeedShape, ctx: MapContext, limits: MapFeedLimits): { feed: FeedMeta; items: FeedItem[] } {
  const feed = newTarget(false) as FeedMeta & Target;
  const items: FeedItem[] = [];
  for (const container of shape.containers) {
    for (const child of container.children) {
      if (child.name === 'item' || child.name === 'entry') {
        if (container !== shape.containers[0] && shape.containers.length > 1 && child.name !== 'item') continue;
        if (items.length >= limits.maxItems) {
          tooMany(ctx, limits.maxItems);
          break;
        }
        const item = safeMapItem(child, ctx, items.length);
        if (item) items.push(item);
      } else if (container === shape.containers[0] || child.name === 'image' || child.name === 'textinput') {
        if (child.name !== 'items') applyElement(feed, child, ctx);
      }
    }
  }
  const first = shape.containers[0] as XmlElement;
  if (shape.version === 'cdf') applyCdf(feed, first, ctx);
  if (feed.language === undefined && first.lang) feed.language = first.lang;
  return { feed: finish(feed), items };
}

function safeMapItem(el: XmlElement, ctx: MapContext, index: number): FeedItem | undefined {
  try {
    return mapItem(el, ctx);
  } catch (cause) {
    ctx.diagnostics.push({
      severity: 'error',
      code: 'ITEM_SKIPPED',
      message: `Item ${index + 1} could not be read and was skipped: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
    return undefined;
  }
}

function mapItem(el: XmlElement, ctx: MapContext): FeedItem {
  const item = newTarget(true) as FeedItem & Target;
  for (const child of el.children) applyElement(item, child, ctx);
  if (item.link === undefined && item.__guidLink) {
    item.link = item.__guidLink;
    item.guidIsLink = true;
  } else if (item.__guidLink !== undefined) {
    item.guidIsLink = item.__guidLink === item.link;
  }
  const about = el.attrs['rdf:about'];
  if (about) {
    item.id ??= about;
    const link = resolveUrl(about, el.base ?? ctx.docUrl);
    if (link && item.link === undefined) item.link = link;
  }
  if (el.name === 'item' && (el.attrs.href || el.attrs.lastmod)) applyCdf(item, el, ctx);
  return finish(item);
}

// CDF keeps the link and the date in attributes.
function applyCdf(t: Target, el: XmlElement, ctx: MapContext): void {
  const href = resolveUrl(el.attrs.href, el.base ?? ctx.docUrl);
  if (href && t.link === undefined) {
    t.link = href;
    t.links.push({ href, rel: 'alternate', type: 'text/html' });
  }
  if (el.attrs.lastmod) applyElement(t, { ...el, name: 'lastmod', text: el.attrs.lastmod, children: [] }, ctx);
}

function tooMany(ctx: MapContext, max: number): void {
  if (ctx.diagnostics.some((d) => d.code === 'TOO_MANY_ITEMS')) return;
  ctx.diagnostics.push({ severity: 'warning', code: 'TOO_MANY_ITEMS', message: `The feed has more than ${max} items; the rest were ignored. Raise maxItems to keep them.` });
}

function newTarget(isItem: boolean): Target {
  const common = { links: [], authors: [], contributors: [], categories: [], details: {}, extensions: {} };
  return isItem ? { ...common, content: [], enclosures: [], __item: true } : { ...common };
}

function finish<T extends Target>(t: T): T {
  delete t.__item;
  delete t.__guidLink;
  return t;
}

// An Atom `source` is a feed inside an entry: read it with the feed-level handlers.
setSourceReader((el, ctx) => {
  const source = newTarget(false);
  for (const child of el.children) applyElement(source, child, ctx);
  const meta = finish(source) as FeedMeta & { url?: string };
  if (meta.link) meta.url = meta.link;
  return meta;
});
