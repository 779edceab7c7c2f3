import { resolveUrl } from '../url/resolve-url';
import { decodeHtmlEntities } from '../xml/entities';

/** A feed an HTML page advertises with `<link rel="alternate">`. */
export interface DiscoveredFeed {
  url: string;
  type: string;
  title?: string;
}

const LINK = /<link\b[^<>]*>/gi;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;
const FEED_TYPE = /^application\/(?:rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$/i;

/**
 * Finds the feeds an HTML page advertises (`<link rel="alternate" type="application/rss+xml"
 * href>` and the Atom and JSON Feed equivalents), with URLs resolved against `pageUrl`.
 * @example discoverFeeds('<link rel="alternate" type="application/rss+xml" href="/feed">', 'https://example.com/')
 * // [{ url: 'https://example.com/feed', type: 'application/rss+xml' }]
 */
export function discoverFeeds(html: string, pageUrl?: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const [tag] of html.matchAll(LINK)) {
    const attrs: Record<string, string> = {};
    for (const m of tag.matchAll(ATTR)) {
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      attrs[(m[1] ?? '').toLowerCase()] = decodeHtmlEntities(value);
    }
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').trim();
    if (!rels.includes('alternate') || !FEED_TYPE.test(type)) continue;
    const url = resolveUrl(attrs.href, pageUrl);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, type: type.toLowerCase(), ...(attrs.title ? { title: attrs.title } : {}) });
  }
  return found;
}
