import { readFileSync } from 'node:fs';
import { isNewsloomError } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { opmlFeeds, parseOpml, toOpml } from '../src/index';

describe('OPML', () => {
  const doc = parseOpml(readFileSync(new URL('./fixtures/subscriptions.opml', import.meta.url)));

  it('parses nested outlines with their attributes and categories', () => {
    expect(doc.title).toBe('My subscriptions');
    expect(doc.outlines.map((o) => o.text)).toEqual(['News', 'Tech & Science']);
    const bbc = doc.outlines[0]?.children[0]?.children[0];
    expect(bbc).toMatchObject({
      text: 'BBC World',
      xmlUrl: 'https://feeds.bbci.co.uk/news/world/rss.xml',
      htmlUrl: 'https://www.bbc.co.uk/news/world',
      categories: ['uk', 'public'],
    });
  });

  it('lists feeds with their folder path as categories', () => {
    expect(opmlFeeds(doc)).toEqual([
      {
        url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
        title: 'BBC World',
        htmlUrl: 'https://www.bbc.co.uk/news/world',
        categories: ['News', 'World', 'uk', 'public'],
      },
      { url: 'https://www.theguardian.com/world/rss', title: 'The Guardian', categories: ['News'] },
      { url: 'https://example.com/tech.xml', title: 'Tech & Science', categories: [] },
    ]);
  });

  it('round-trips through toOpml', () => {
    const feeds = opmlFeeds(doc);
    expect(opmlFeeds(parseOpml(toOpml(feeds, { title: 'Export' })))).toEqual(feeds);
    expect(toOpml(feeds, { title: 'A & B' })).toContain('<title>A &amp; B</title>');
  });

  it('gives a clear error for what is not OPML', () => {
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(
      /Not an OPML file: expected an <opml> root element, found a <rss> document/,
    );
    expect(() => parseOpml('<opml version="2.0"><head/></opml>')).toThrow(/no <body>/);
    try {
      parseOpml('not xml at all');
    } catch (error) {
      expect(isNewsloomError(error, 'INVALID_INPUT')).toBe(true);
    }
  });
});
