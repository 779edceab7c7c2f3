import type { FeedItem, FeedMeta, FeedVersion } from '../types';
import { resolveUrl } from '../url/resolve-url';
import { ATOM03_NS, ATOM10_NS } from '../xml/namespaces';
import type { XmlElement } from '../xml/parse-xml';
import { applyElement, type Target } from './map-elements';
import { setSourceReader } from './map-extensions';
import { newFeed, newItem } from './new-records';
import type { MapContext } from './read-text';

const RSS_VERSIONS: Record<string, FeedVersion> = {
  '0.90': 'rss090',
  '0.9': 'rss090',
  '0.91': 'rss091u',
  '0.92': 'rss092',
  '0.93': 'rss093',
  '0.94': 'rss094',
  '2.0': 'rss20',
  '2.00': 'rss20',
  '2': 'rss20',
  '2.0.1': 'rss20',
  '2.01': 'rss20',
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
      let version =
        RSS_VERSIONS[declared] ??
        (declared.startsWith('2.') ? 'rss20' : declared === '1.0' ? 'rss10' : 'rss');
      if (version === 'rss091u' && doctype && /netscape/i.test(doctype)) version = 'rss091n';
      return { version, containers: channel ? [channel] : [root], atom: false };
    }
    case 'rdf:rdf':
    case 'rdf': {
      const ns =
        (channel ?? root.children.find((c) => c.name === 'item'))?.ns ??
        Object.values(root.attrs).join(' ');
      const version: FeedVersion = ns.includes('/rss/1.0')
        ? 'rss10'
        : ns.includes('netscape.com/rdf/simple/0.9')
          ? 'rss090'
          : 'rss';
      return { version, containers: channel ? [channel, root] : [root], atom: false };
    }
    case 'feed': {
      const version: FeedVersion =
        root.ns === ATOM10_NS
          ? 'atom10'
          : root.ns === ATOM03_NS || root.attrs.version === '0.3'
            ? 'atom03'
            : 'atom';
      return { version, containers: [root], atom: true };
    }
    case 'channel':
      return { version: 'cdf', containers: [root], atom: false };
    default:
      return channel ? { version: 'rss', containers: [channel], atom: false } : undefined;
  }
}

/**
 * True when `el` is an item of the feed: an `item` or `entry` directly under the root (Atom,
 * RDF, CDF) or under the RSS channel.
 */
export function isFeedItem(el: XmlElement, depth: number, parentName: string | undefined): boolean {
  return (
    (el.name === 'item' || el.name === 'entry') &&
    (depth === 1 || (depth === 2 && parentName === 'channel'))
  );
}

/**
 * Maps the channel-level elements of a recognised feed (items are mapped as they stream by,
 * see {@link mapItemSafely}).
 * @example const feed = mapFeed(shape, ctx)
 */
export function mapFeed(shape: FeedShape, ctx: MapContext): FeedMeta {
  const feed = newFeed();
  ctx.inItem = false;
  const [first, ...others] = shape.containers as [XmlElement, ...XmlElement[]];
  for (const child of first.children) if (child.name !== 'items') applyElement(feed, child, ctx);
  for (const container of others) {
    for (const child of container.children)
      if (child.name === 'image' || child.name === 'textinput') applyElement(feed, child, ctx);
  }
  if (shape.version === 'cdf') applyCdf(feed, first, ctx);
  if (feed.language === undefined && first.lang) feed.language = first.lang;
  return feed;
}

/**
 * Maps one item element. An item that fails to map is reported and skipped: the rest of the
 * feed survives.
 * @example const item = mapItemSafely(el, ctx, items.length)
 */
export function mapItemSafely(
  el: XmlElement,
  ctx: MapContext,
  index: number,
): FeedItem | undefined {
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
  } finally {
    ctx.inItem = false;
    ctx.guidLink = undefined;
  }
}

function mapItem(el: XmlElement, ctx: MapContext): FeedItem {
  const item = newItem();
  ctx.inItem = true;
  ctx.guidLink = undefined;
  for (const child of el.children) applyElement(item, child, ctx);
  const guidLink = ctx.guidLink as string | undefined;
  if (item.link === undefined && guidLink) {
    item.link = guidLink;
    item.guidIsLink = true;
  } else if (guidLink !== undefined) {
    item.guidIsLink = guidLink === item.link;
  }
  const about = el.attrs['rdf:about'];
  if (about) {
    item.id ??= about;
    const link = resolveUrl(about, el.base ?? ctx.docUrl);
    if (link && item.link === undefined) item.link = link;
  }
  if (el.name === 'item' && (el.attrs.href || el.attrs.lastmod)) applyCdf(item, el, ctx);
  return item;
}

// CDF keeps the link and the date in attributes.
function applyCdf(t: Target, el: XmlElement, ctx: MapContext): void {
  const href = resolveUrl(el.attrs.href, el.base ?? ctx.docUrl);
  if (href && t.link === undefined) {
    t.link = href;
    t.links.push({ href, rel: 'alternate', type: 'text/html' });
  }
  if (el.attrs.lastmod)
    applyElement(t, { ...el, name: 'lastmod', text: el.attrs.lastmod, children: [] }, ctx);
}

// An Atom `source` is a feed inside an entry: read it with the feed-level handlers.
setSourceReader((el, ctx) => {
  const meta: FeedMeta & { url?: string } = newFeed();
  const inItem = ctx.inItem;
  ctx.inItem = false;
  for (const child of el.children) applyElement(meta, child, ctx);
  ctx.inItem = inItem;
  if (meta.link) meta.url = meta.link;
  return meta;
});
