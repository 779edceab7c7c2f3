import { readFileSync } from 'node:fs';
import { isNewsloomError, NewsloomError } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../src/index';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseFeed on RSS 2.0', () => {
  const parsed = parseFeed(fixture('rss20.xml'), { url: 'https://news.example.com/feed.xml' });
  const [storm, budget, podcast, odd] = parsed.items;

  it('reads the channel in feedparser vocabulary', () => {
    expect(parsed.version).toBe('rss20');
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.feed).toMatchObject({
      title: 'Example News',
      subtitle: 'All the news &amp; more',
      link: 'https://news.example.com/',
      language: 'en-gb',
      rights: '© Example',
      updated: '2024-01-02T10:00:00.000Z',
      ttl: 15,
      generator: 'Hand-written',
      image: { url: 'https://news.example.com/logo.png', width: 88, height: 31 },
    });
    expect(parsed.feed.links).toContainEqual({
      href: 'https://news.example.com/feed.xml',
      rel: 'self',
      type: 'application/rss+xml',
    });
  });

  it('keeps every item, resolving relative links against the document URL', () => {
    expect(parsed.items).toHaveLength(4);
    expect(storm?.link).toBe('https://news.example.com/news/storm?utm_source=rss');
    expect(storm?.id).toBe('storm-1');
    expect(podcast?.link).toBe('https://news.example.com/podcast/7');
    expect(podcast?.guidIsLink).toBe(true);
  });

  it('normalises dates to ISO 8601 UTC, zoneless ones as UTC', () => {
    expect(storm?.published).toBe('2024-01-02T14:30:00.000Z');
    expect(budget?.published).toBe('2024-01-02T08:00:00.000Z');
  });

  it('sanitises HTML and resolves URLs inside it', () => {
    const html = storm?.content[0]?.value ?? '';
    expect(storm?.content[0]?.type).toBe('text/html');
    expect(html).toContain('<a href="https://weather.example.org/report">a report</a>');
    expect(html).toContain('<img alt="storm" src="https://news.example.com/img/storm.jpg" />');
    expect(html).not.toMatch(/onclick|javascript:|<iframe|<script/);
    expect(storm?.summary).toBe(
      '<p>Thousands without power. <a href="https://news.example.com/live">Live</a> </p>',
    );
  });

  it('reads authors, categories, enclosures and extensions', () => {
    expect(storm?.authors).toEqual([{ name: 'Jo Reporter' }]);
    expect(storm?.categories).toEqual([
      { term: 'Weather' },
      { term: 'UK', scheme: 'https://news.example.com/tags' },
    ]);
    expect(storm?.commentCount).toBe(12);
    expect(storm?.where).toEqual({ type: 'Point', coordinates: [-0.12, 51.5] });
    expect(budget?.authors).toEqual([{ name: 'Ed Itor', email: 'editor@example.com' }]);
    expect(budget?.media?.thumbnails[0]).toEqual({
      url: 'https://cdn.example.com/budget.jpg',
      width: 120,
      height: 80,
    });
    expect(podcast?.enclosures).toEqual([
      { url: 'https://cdn.example.com/ep7.mp3', length: 1234, type: 'audio/mpeg' },
    ]);
    expect(podcast?.itunes).toMatchObject({ duration: '12:34', explicit: false });
  });

  it('survives a bad date and a bare ampersand, reporting both', () => {
    expect(odd?.title).toBe('Bad date, bare & ampersand');
    expect(odd?.published).toBeUndefined();
    expect(parsed.wellFormed).toBe(false);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['BAD_DATE', 'MALFORMED_XML']),
    );
  });

  it('is deterministic', () => {
    const again = parseFeed(fixture('rss20.xml'), { url: 'https://news.example.com/feed.xml' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
  });
});

describe('parseFeed on Atom 1.0', () => {
  const parsed = parseFeed(fixture('atom10.xml'));
  const [first, second] = parsed.items;

  it('detects the version and reads text constructs with their type, language and base', () => {
    expect(parsed.version).toBe('atom10');
    expect(parsed.wellFormed).toBe(true);
    expect(parsed.feed.subtitle).toBe('Notes <em>and</em> essays');
    expect(parsed.feed.details.subtitle).toEqual({
      type: 'text/html',
      language: 'en',
      base: 'https://blog.example.net/',
    });
    expect(parsed.feed.language).toBe('en');
    expect(parsed.feed.link).toBe('https://blog.example.net/');
    expect(parsed.feed.authors).toEqual([
      { name: 'Ann Author', email: 'ann@example.net', url: 'https://blog.example.net/about' },
    ]);
    expect(parsed.feed.updated).toBe('2024-03-01T11:00:00.000Z');
  });

  it('handles double-escaped HTML titles and XHTML content with xml:base', () => {
    expect(first?.title).toBe('First &lt;b&gt;post&lt;/b&gt;');
    expect(first?.link).toBe('https://blog.example.net/posts/first');
    expect(first?.content[0]).toEqual({
      value:
        '<p>Hello <a href="https://blog.example.net/posts/second">next</a> &amp; <b>bold</b>.</p>',
      type: 'application/xhtml+xml',
      language: 'en',
      base: 'https://blog.example.net/posts/',
    });
    expect(first?.published).toBe('2024-02-28T09:00:00.000Z');
    expect(first?.updated).toBe('2024-02-29T15:30:00.000Z');
    expect(first?.categories).toEqual([
      { term: 'notes', scheme: 'https://blog.example.net/tags', label: 'Notes' },
    ]);
    expect(first?.contributors).toEqual([{ name: 'Cy' }]);
  });

  it('sanitises escaped HTML content and lists enclosure links', () => {
    expect(second?.content[0]?.value).toBe(
      '<p>Second <img src="https://blog.example.net/pic.png" /></p>',
    );
    expect(second?.enclosures).toEqual([
      { url: 'https://blog.example.net/a.mp3', type: 'audio/mpeg', length: 99 },
    ]);
  });
});

describe('parseFeed on RSS 1.0 and JSON Feed', () => {
  it('reads RDF items that sit beside the channel', () => {
    const parsed = parseFeed(fixture('rss10.rdf'));
    expect(parsed.version).toBe('rss10');
    expect(parsed.feed.updated).toBe('2024-01-05T01:00:00.000Z');
    expect(parsed.items.map((i) => i.link)).toEqual([
      'https://rdf.example.org/a',
      'https://rdf.example.org/b',
    ]);
    expect(parsed.items[0]?.categories).toEqual([{ term: 'Science' }]);
  });

  it('reads JSON Feed 1.1', () => {
    const parsed = parseFeed(fixture('feed.json'));
    expect(parsed.version).toBe('json11');
    expect(parsed.feed.authors).toEqual([{ name: 'Jay Son', url: 'https://json.example.com/jay' }]);
    const [one, two] = parsed.items;
    expect(one?.content[0]?.value).toBe(
      '<p>Hi <a href="https://json.example.com/posts/2">two</a></p>',
    );
    expect(one?.published).toBe('2024-02-01T08:00:00.000Z');
    expect(one?.categories.map((c) => c.term)).toEqual(['intro', 'json']);
    expect(one?.enclosures).toEqual([
      { url: 'https://json.example.com/a.mp3', type: 'audio/mpeg', length: 10 },
    ]);
    expect(two?.title).toBeUndefined();
  });
});

describe('parseFeed on broken input', () => {
  it('parses what is there and reports the repairs', () => {
    const parsed = parseFeed(fixture('broken.xml'));
    expect(parsed.wellFormed).toBe(false);
    expect(parsed.feed.title).toBe('Broken & Co');
    expect(parsed.items.map((i) => i.link)).toEqual([
      'https://broken.example.com/1',
      'https://broken.example.com/2',
      'https://broken.example.com/3',
    ]);
    expect(parsed.items[0]?.title).toBe('Good one \u00a0…');
    expect(parsed.items[2]?.summary).toBe('This document ends in the mid');
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
  });

  it('throws NOT_A_FEED for an HTML page, listing the feeds it advertises', () => {
    let error: unknown;
    try {
      parseFeed(fixture('notafeed.html'), { url: 'https://example.com/' });
    } catch (caught) {
      error = caught;
    }
    expect(isNewsloomError(error, 'NOT_A_FEED')).toBe(true);
    expect((error as NewsloomError).details.discovered).toEqual([
      { url: 'https://example.com/feed.rss', type: 'application/rss+xml', title: 'RSS' },
      { url: 'https://example.com/atom.xml', type: 'application/atom+xml' },
    ]);
  });

  it('throws NOT_A_FEED for an empty document and for JSON that is not a JSON Feed', () => {
    expect(() => parseFeed('  ')).toThrow(/empty/);
    expect(() => parseFeed('{"error":"rate limited"}')).toThrow(NewsloomError);
  });

  it('refuses input over maxBytes', () => {
    expect(() => parseFeed('<rss/>'.repeat(100), { maxBytes: 100 })).toThrow(
      /over the 100-byte limit/,
    );
  });
});

describe('parseFeed security', () => {
  it('never resolves external entities', () => {
    const xml =
      '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>a&xxe;b</title></channel></rss>';
    const parsed = parseFeed(xml);
    expect(parsed.feed.title).toBe('a&xxe;b');
    expect(parsed.wellFormed).toBe(false);
  });

  it('bounds internal entity expansion (billion laughs)', () => {
    const levels = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const xml = `<!DOCTYPE rss [${levels.join('')}]><rss><channel><title>&l9;</title></channel></rss>`;
    // The expansion budget bounds the output (and so the work) to about 1M characters plus
    // twice the input, where unbounded expansion would give 10^9.
    const parsed = parseFeed(xml);
    expect((parsed.feed.title ?? '').length).toBeLessThan(2_000_000);
    expect(parsed.wellFormed).toBe(false);
  });

  it('expands small internal entities', () => {
    const xml =
      '<!DOCTYPE rss [<!ENTITY co "Example Co">]><rss><channel><title>&co; news</title></channel></rss>';
    expect(parseFeed(xml).feed.title).toBe('Example Co news');
  });

  it('bounds nesting depth and item count', () => {
    const deep = `<rss><channel><title>t</title>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</channel></rss>`;
    expect(parseFeed(deep).feed.title).toBe('t');
    const many = `<rss><channel>${'<item><title>i</title></item>'.repeat(50)}</channel></rss>`;
    const parsed = parseFeed(many, { maxItems: 10 });
    expect(parsed.items).toHaveLength(10);
    expect(parsed.diagnostics.map((d) => d.code)).toContain('TOO_MANY_ITEMS');
  });
});

// Hostile input must cost time in proportion to its size: a quadratic step would make 16× the
// input cost 256× or more. Linear parsing measures 4–75× here (garbage collection grows faster
// than the input at these sizes; the worst is a megabyte of bare `&`, each escaped on output).
// CPU time of this process barely moves with the load of the machine, unlike wall-clock time;
// each figure is the best of several runs, and the bound sits halfway to quadratic.
function cpuMs(runs: number, parse: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    parse();
    const spent = process.cpuUsage(before);
    best = Math.min(best, (spent.user + spent.system) / 1000);
  }
  return best;
}

describe('parseFeed time grows linearly with hostile input', () => {
  const feedAround = (body: string) =>
    `<rss><channel><item><title>t</title><description>${body}</description></item></channel></rss>`;
  it.each([
    ['bare ampersands', 'string', (k: number) => '&'.repeat(k), 62_500],
    ['stray < in HTML', 'string', (k: number) => '&lt;a "'.repeat(k), 10_000],
    ['unclosed tags', 'string', (k: number) => '<b>'.repeat(k), 6_250],
    ['unclosed tags', 'bytes', (k: number) => '<b>'.repeat(k), 6_250],
    ['attribute storms', 'string', (k: number) => `<p ${'a="1" '.repeat(k)}>`, 12_500],
    ['attribute storms', 'bytes', (k: number) => `<p ${'a="1" '.repeat(k)}>`, 12_500],
  ] as const)('%s (from %s)', (_, from, body, k) => {
    const input = (n: number) => {
      const xml = feedAround(body(n));
      return from === 'bytes' ? new TextEncoder().encode(xml) : xml;
    };
    const [small, large] = [input(k), input(16 * k)];
    expect(parseFeed(small).items).toHaveLength(1);
    expect(parseFeed(large).items).toHaveLength(1);
    const ratio = cpuMs(3, () => parseFeed(large)) / cpuMs(7, () => parseFeed(small));
    expect(ratio).toBeLessThan(128);
  });
});

describe('GeoRSS', () => {
  const entry = (geo: string) =>
    parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss" xmlns:gml="http://www.opengis.net/gml"><entry>${geo}</entry></feed>`,
    ).items[0]?.where;

  it('reads simple and GML geometries as GeoJSON (longitude first for lat/long systems)', () => {
    expect(entry('<georss:line>45 10 46 11</georss:line>')).toEqual({
      type: 'LineString',
      coordinates: [
        [10, 45],
        [11, 46],
      ],
    });
    expect(
      entry('<georss:where><gml:Point><gml:pos>45 10</gml:pos></gml:Point></georss:where>'),
    ).toEqual({ type: 'Point', coordinates: [10, 45] });
    expect(
      entry(
        '<georss:where><gml:Point srsName="EPSG:26913"><gml:pos>4500 1000</gml:pos></gml:Point></georss:where>',
      ),
    ).toEqual({ type: 'Point', coordinates: [4500, 1000] });
    expect(entry('<georss:polygon>1 2 3</georss:polygon>')).toBeUndefined();
  });
});

describe('content after the root element', () => {
  it('is ignored, self-closing tags and stray end tags included', () => {
    const parsed = parseFeed(
      '<rss><channel><title>T</title></channel></rss><x/><item/></channel></rss>',
    );
    expect(parsed.feed.title).toBe('T');
    expect(parsed.wellFormed).toBe(false);
  });
});
