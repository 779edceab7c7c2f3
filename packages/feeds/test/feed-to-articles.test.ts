import { readFileSync } from 'node:fs';
import { ArticleSchema, feedIdFromUrl, type OutletId } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { feedToArticles, parseFeed } from '../src/index';

const url = 'https://news.example.com/feed.xml';
const context = {
  feed: { id: feedIdFromUrl(url), url },
  outlet: { id: 'example-news' as OutletId, name: 'Example News' },
  fetchedAt: '2024-01-03T00:00:00.000Z',
};

describe('feedToArticles', () => {
  const parsed = parseFeed(readFileSync(new URL('./fixtures/rss20.xml', import.meta.url)), { url });
  const { articles, diagnostics } = feedToArticles(parsed, context);
  const [storm, budget, podcast, odd] = articles;

  it('gives every item a valid Article with an absolute link and a content hash', () => {
    expect(articles).toHaveLength(4);
    for (const article of articles) {
      expect(ArticleSchema.safeParse(article).success).toBe(true);
      expect(article.url).toMatch(/^https:\/\//);
      expect(article.contentHash).toMatch(/^[0-9a-f]{16}$/);
      expect(article.outletName).toBe('Example News');
    }
    expect(storm?.canonicalUrl).toBe('https://news.example.com/news/storm');
  });

  it('derives plain text, outbound links, image and authors', () => {
    expect(storm?.title).toBe('Storm hits the coast');
    expect(storm?.summary).toBe('Thousands without power. Live');
    expect(storm?.text).toBe('Full story with a report\nand a trap.');
    expect(storm?.links).toEqual([
      'https://news.example.com/live',
      'https://weather.example.org/report',
    ]);
    expect(storm?.imageUrl).toBe('https://news.example.com/img/storm.jpg');
    expect(storm?.authors).toEqual(['Jo Reporter']);
    expect(storm?.categories).toEqual(['Weather', 'UK']);
    expect(storm?.meta.guid).toBe('storm-1');
    expect(budget?.imageUrl).toBe('https://cdn.example.com/budget.jpg');
  });

  it('derives a title from the summary when the item has none', () => {
    expect(budget?.title).toBe('The chancellor announced a budget today.');
  });

  it('dates undated items from the feed, and says so', () => {
    expect(podcast?.publishedAt).toBe('2024-01-02T10:00:00.000Z');
    expect(podcast?.meta.dateSource).toBe('feed');
    expect(odd?.meta.dateSource).toBe('feed');
    expect(diagnostics.filter((d) => d.code === 'MISSING_DATE')).toHaveLength(2);
    const bare = parseFeed(
      '<rss><channel><item><title>x</title><link>https://e.example/x</link></item></channel></rss>',
    );
    const [only] = feedToArticles(bare, context).articles;
    expect(only?.publishedAt).toBe('2024-01-03T00:00:00.000Z');
    expect(only?.meta.dateSource).toBe('fetchedAt');
  });

  it('drops duplicates within the feed and skips items without a usable link', () => {
    const xml = `<rss><channel>
      <item><title>A</title><link>https://e.example/a?utm_source=x</link></item>
      <item><title>A again</title><link>https://www.e.example/a</link></item>
      <item><title>No link</title></item>
      <item><title>B</title><link>https://e.example/b</link></item></channel></rss>`;
    const result = feedToArticles(parseFeed(xml), context);
    expect(result.articles.map((a) => a.title)).toEqual(['A', 'B']);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
      'DUPLICATE_ITEM',
      'MISSING_DATE',
      'MISSING_DATE',
      'MISSING_DATE',
      'NO_LINK',
    ]);
  });

  it('uses the guid or enclosure when every episode shares the same link', () => {
    const xml = `<rss><channel><link>https://pod.example/</link>
      <item><title>Ep 1</title><link>https://pod.example/</link><guid>https://pod.example/ep/1</guid></item>
      <item><title>Ep 2</title><link>https://pod.example/</link><enclosure url="https://cdn.pod.example/2.mp3" type="audio/mpeg"/></item>
      </channel></rss>`;
    expect(feedToArticles(parseFeed(xml), context).articles.map((a) => a.url)).toEqual([
      'https://pod.example/ep/1',
      'https://cdn.pod.example/2.mp3',
    ]);
  });
});

describe('feedToArticles text fields', () => {
  it('keeps plain-text titles as written and summarises body-only items with a snippet', () => {
    const body = `<p>${'word '.repeat(200)}</p>`;
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">Use &lt;b&gt; for bold</title>
      <link href="https://e.example/t"/><updated>2024-01-01T00:00:00Z</updated><content type="html">${body.replace(/</g, '&lt;')}</content></entry></feed>`;
    const [only] = feedToArticles(parseFeed(xml), context).articles;
    expect(only?.title).toBe('Use <b> for bold');
    expect(only?.summary?.length).toBeLessThanOrEqual(401);
    expect(only?.summary?.endsWith('…')).toBe(true);
    expect(only?.text?.length).toBe(999);
  });
});

describe('feedToArticles media fields', () => {
  it('skips tracking pixels and summarises from Media RSS when that is all there is', () => {
    const xml = `<rss xmlns:media="http://search.yahoo.com/mrss/"><channel>
      <item><title>Pixel</title><link>https://e.example/p</link>
        <description>&lt;p&gt;Text&lt;img src="https://t.example/px.gif" width="1" height="1"&gt;&lt;img src="https://e.example/real.jpg"&gt;&lt;/p&gt;</description></item>
      <item><title>Video</title><link>https://e.example/v</link>
        <media:group><media:description>What the video shows.</media:description></media:group></item>
      </channel></rss>`;
    const [pixel, video] = feedToArticles(parseFeed(xml), context).articles;
    expect(pixel?.imageUrl).toBe('https://e.example/real.jpg');
    expect(video?.summary).toBe('What the video shows.');
  });
});
