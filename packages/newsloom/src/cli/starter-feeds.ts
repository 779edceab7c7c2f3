/** A real outlet's public feed, for the starter OPML. */
export interface StarterFeed {
  outlet: string;
  url: string;
  category: string;
}

/**
 * Public news feeds of real outlets (as published by them, late 2025), used by `newsloom init`
 * and the `live-feeds` example. Feeds move: `newsloom ingest` reports a moved or dead feed as a
 * diagnostic and in the digest's Feeds table, and keeps going.
 * @example writeFileSync('feeds.opml', starterOpml(STARTER_FEEDS))
 */
export const STARTER_FEEDS: readonly StarterFeed[] = [
  { outlet: 'BBC News', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', category: 'World' },
  { outlet: 'The Guardian', url: 'https://www.theguardian.com/world/rss', category: 'World' },
  { outlet: 'Al Jazeera', url: 'https://www.aljazeera.com/xml/rss/all.xml', category: 'World' },
  { outlet: 'NPR', url: 'https://feeds.npr.org/1004/rss.xml', category: 'World' },
  {
    outlet: 'New York Times',
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    category: 'World',
  },
  { outlet: 'Deutsche Welle', url: 'https://rss.dw.com/rdf/rss-en-world', category: 'World' },
  { outlet: 'France 24', url: 'https://www.france24.com/en/rss', category: 'World' },
  { outlet: 'Sky News', url: 'https://feeds.skynews.com/feeds/rss/world.xml', category: 'World' },
  {
    outlet: 'The Independent',
    url: 'https://www.independent.co.uk/news/world/rss',
    category: 'World',
  },
  { outlet: 'CBS News', url: 'https://www.cbsnews.com/latest/rss/world', category: 'World' },
  {
    outlet: 'Fox News',
    url: 'https://moxie.foxnews.com/google-publisher/world.xml',
    category: 'World',
  },
  { outlet: 'NBC News', url: 'https://feeds.nbcnews.com/nbcnews/public/world', category: 'World' },
  {
    outlet: 'ABC News (Australia)',
    url: 'https://www.abc.net.au/news/feed/52278/rss.xml',
    category: 'World',
  },
  {
    outlet: 'Washington Post',
    url: 'https://feeds.washingtonpost.com/rss/world',
    category: 'World',
  },
  { outlet: 'Politico', url: 'https://rss.politico.com/politics-news.xml', category: 'Politics' },
  { outlet: 'The Hill', url: 'https://thehill.com/news/feed/', category: 'Politics' },
];

const xml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/**
 * An OPML 2.0 document listing feeds, grouped by category.
 * @example writeFileSync('feeds.opml', starterOpml(STARTER_FEEDS))
 */
export function starterOpml(feeds: readonly StarterFeed[], title = 'newsloom feeds'): string {
  const categories = [...new Set(feeds.map((f) => f.category))];
  const groups = categories.map((category) => {
    const outlines = feeds
      .filter((f) => f.category === category)
      .map(
        (f) =>
          `      <outline type="rss" text="${xml(f.outlet)}" title="${xml(f.outlet)}" xmlUrl="${xml(f.url)}"/>`,
      );
    return `    <outline text="${xml(category)}">\n${outlines.join('\n')}\n    </outline>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>${xml(title)}</title></head>\n  <body>\n${groups.join('\n')}\n  </body>\n</opml>\n`;
}
