import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../src/index';

const fixture = (name: string) =>
  parseFeed(readFileSync(new URL(`./fixtures/recovery/${name}`, import.meta.url)), {
    url: `https://fixtures.example/${name}`,
  });
const repairs = (parsed: ReturnType<typeof parseFeed>) =>
  parsed.diagnostics.filter((d) => d.code === 'MALFORMED_XML').map((d) => d.message);

describe('items hidden by an element that is never closed', () => {
  it.each([
    ['podcast-unclosed-category.xml', 3, 'itunes:category'],
    ['unclosed-image.xml', 4, 'image'],
    ['unclosed-textinput.rdf', 3, 'textinput'],
    ['unclosed-media-group.xml', 3, 'media:group'],
    ['unclosed-item.xml', 3, 'item'],
  ])('%s: all %i items, and the repair is reported', (name, count, element) => {
    const parsed = fixture(name);
    expect(parsed.items).toHaveLength(count);
    expect(parsed.items.every((item) => item.title && (item.published ?? item.updated))).toBe(true);
    expect(parsed.wellFormed).toBe(false);
    expect(repairs(parsed)).toContain(
      `Repaired: <${element}> closed by the <item> start tag after it (it was never closed; the items after it are kept).`,
    );
  });

  it('keeps what the unclosed element held', () => {
    const podcast = fixture('podcast-unclosed-category.xml');
    expect(podcast.feed.itunes?.categories).toEqual(['Technology', 'Gadgets', 'Podcasting']);
    expect(podcast.items.map((i) => i.enclosures[0]?.url)).toEqual([
      'https://bitsandbytes.example.org/media/ep3.mp3',
      'https://bitsandbytes.example.org/media/ep2.mp3',
      'https://bitsandbytes.example.org/media/ep1.mp3',
    ]);
    expect(fixture('unclosed-image.xml').feed.image).toMatchObject({
      url: 'http://www.riverside-gazette.example.com/img/logo-rss.gif',
      width: 144,
    });
    const item = fixture('unclosed-item.xml').items[0];
    expect(item?.summary).toBe('A late header kept United level.');
  });

  it('leaves an <item> tag written inside HTML content (no CDATA) to that content', () => {
    const parsed = fixture('content-encoded-item-text.xml');
    expect(parsed.items.map((i) => i.title)).toEqual([
      'Your first RSS feed, by hand',
      'Why your feed reader shows old posts as new',
      'Dates in feeds: a field guide',
      'Podcast feeds are feeds too',
    ]);
    expect(parsed.items[0]?.content[0]?.value).toContain('Copy the example below');
    expect(parsed.items[1]?.content[0]?.value).toContain('Keep the guid stable');
    expect(repairs(parsed)).not.toContainEqual(expect.stringContaining('start tag after it'));
  });

  it('does not take well-nested or self-closed item tags inside items for feed items', () => {
    const xml = (inner: string) =>
      `<rss version="2.0"><channel><title>T</title><item><title>A</title>${inner}</item>` +
      '<item><title>B</title></item></channel></rss>';
    expect(parseFeed(xml('<item />')).items.map((i) => i.title)).toEqual(['A', 'B']);
    const nested = parseFeed(xml('<item><title>inner</title></item>'));
    expect(nested.items.map((i) => i.title)).toEqual(['A', 'B']);
    expect(nested.wellFormed).toBe(true);
  });
});
