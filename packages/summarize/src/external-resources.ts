import {
  type Article,
  canonicalizeUrl,
  type ExternalResource,
  type OutletId,
  registrableDomain,
  type Story,
} from '@newsloom/core';

/** Domains of news outlets, wires and aggregators: links to them are coverage, not resources. */
const NEWS_DOMAINS = new Set([
  'apnews.com',
  'reuters.com',
  'bbc.co.uk',
  'bbc.com',
  'cnn.com',
  'nytimes.com',
  'washingtonpost.com',
  'wsj.com',
  'theguardian.com',
  'foxnews.com',
  'nbcnews.com',
  'cbsnews.com',
  'abcnews.go.com',
  'npr.org',
  'bloomberg.com',
  'ft.com',
  'politico.com',
  'thehill.com',
  'axios.com',
  'usatoday.com',
  'latimes.com',
  'nypost.com',
  'huffpost.com',
  'breitbart.com',
  'dailymail.co.uk',
  'telegraph.co.uk',
  'independent.co.uk',
  'aljazeera.com',
  'news.yahoo.com',
  'yahoo.com',
  'msn.com',
  'news.google.com',
  'newsweek.com',
  'time.com',
  'vox.com',
  'slate.com',
  'theatlantic.com',
  'economist.com',
  'afp.com',
  'sky.com',
  'cnbc.com',
  'forbes.com',
]);

/** Social networks, sharers, trackers and shorteners: never resources. */
const NOISE_DOMAINS = new Set([
  'twitter.com',
  'x.com',
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'pinterest.com',
  'reddit.com',
  'whatsapp.com',
  'tiktok.com',
  't.co',
  'bit.ly',
  'ow.ly',
  'doubleclick.net',
  'google-analytics.com',
  'feedburner.com',
  'apple.com',
  'play.google.com',
  'mailto',
  'addtoany.com',
  'disqus.com',
]);

interface Tally {
  url: string;
  domain: string;
  outlets: Set<OutletId>;
  articles: Set<Article['id']>;
}

/** The canonical URL and domain of a link, or `undefined` when it is not an http(s) URL. */
function parseLink(link: string): { url: string; domain: string } | undefined {
  if (!/^https?:\/\//i.test(link)) return undefined;
  try {
    const url = canonicalizeUrl(link);
    return { url, domain: registrableDomain(url) };
  } catch {
    return undefined;
  }
}

/** True for a path segment that is an identifier, not words (UUIDs, hashes, numbers, codes). */
function isIdSegment(segment: string): boolean {
  const s = segment.replace(/\.[a-z0-9]{2,5}$/iu, '');
  return (
    /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/iu.test(s) ||
    /^[0-9a-f]{8,}$/iu.test(s) ||
    /^[\d_.-]+$/u.test(s) ||
    (/\d/u.test(s) && !/[a-z]{3,}/iu.test(s)) ||
    s.length < 3
  );
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Link text for a resource: the Wikipedia article's name, else the last path segment made of
 * words (slug dashes and extensions dropped), else the domain: never a bare id.
 */
function titleOf(url: string, domain: string): string {
  const wiki = /wikipedia\.org\/wiki\/([^?#]+)/.exec(url);
  if (wiki?.[1]) return decode(wiki[1]).replace(/_/g, ' ');
  const path = /^[a-z]+:\/\/[^/]+([^?#]*)/iu.exec(url)?.[1] ?? '';
  const words = path
    .split('/')
    .map(decode)
    .filter((s) => s !== '' && !isIdSegment(s) && !/^(?:index|default)\.[a-z]+$/iu.test(s))
    .pop();
  if (!words) return domain;
  const text = words
    .replace(/\.[a-z0-9]{2,5}$/iu, '')
    .replace(/[-_+.]+/g, ' ')
    .trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Resource links of the members, each with the outlets and articles linking it. */
function tallyLinks(members: readonly Article[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  // Most stories link nothing: skip parsing every member's own URL for them.
  if (!members.some((a) => a.links.length > 0)) return tallies;
  const newsDomains = new Set(members.flatMap((a) => parseLink(a.url)?.domain ?? []));
  const isNews = (domain: string): boolean =>
    newsDomains.has(domain) || NEWS_DOMAINS.has(domain) || NOISE_DOMAINS.has(domain);
  for (const article of members) {
    for (const link of article.links) {
      const parsed = parseLink(link);
      if (!parsed || isNews(parsed.domain)) continue;
      const tally = tallies.get(parsed.url) ?? {
        ...parsed,
        outlets: new Set(),
        articles: new Set(),
      };
      tally.outlets.add(article.outletId);
      tally.articles.add(article.id);
      tallies.set(parsed.url, tally);
    }
  }
  return tallies;
}

/**
 * Outbound links of a story's articles to non-news resources — official statements, reports,
 * filings, court documents, Wikipedia — ranked by how many outlets link them, then how many
 * articles, then URL. Links to the story's own outlets, other news sites, social networks and
 * sharers are left out.
 *
 * @example
 * ```ts
 * extractExternalResources(story, articles)[0];
 * // { url: 'https://www.sec.gov/…', domain: 'sec.gov', outletIds: ['reuters', 'ap'], articleIds: […] }
 * ```
 */
export function extractExternalResources(
  story: Story,
  articles: readonly Article[],
): ExternalResource[] {
  const ids = new Set<string>(story.articleIds);
  const members = articles.filter((a) => ids.has(a.id));
  const tallies = tallyLinks(members);
  return [...tallies.values()]
    .sort(
      (a, b) =>
        b.outlets.size - a.outlets.size ||
        b.articles.size - a.articles.size ||
        a.url.localeCompare(b.url),
    )
    .map((t) => {
      const title = titleOf(t.url, t.domain);
      return {
        url: t.url,
        title,
        domain: t.domain,
        outletIds: [...t.outlets].sort(),
        articleIds: [...t.articles].sort(),
      };
    });
}
