import { makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { extractExternalResources } from '../src/index';

describe('extractExternalResources', () => {
  it('ranks non-news links by how many outlets link them, leaving out news and social links', () => {
    const report = 'https://www.bls.gov/news.release/empsit.nr0.htm';
    const wiki = 'https://en.wikipedia.org/wiki/Nonfarm_payrolls';
    const articles = [
      makeArticle({
        url: 'https://a-news.com/1',
        outlet: 'A News',
        links: [report, wiki, 'https://twitter.com/a', 'https://www.nytimes.com/x'],
      }),
      makeArticle({
        url: 'https://b-daily.com/2',
        outlet: 'B Daily',
        links: [`${report}?utm_source=rss`, 'https://a-news.com/other'],
      }),
      makeArticle({
        url: 'https://c-post.com/3',
        outlet: 'C Post',
        links: [report, 'mailto:tips@c-post.com'],
      }),
    ];
    const resources = extractExternalResources(makeStory(articles), articles);
    expect(resources.map((r) => r.domain)).toEqual(['bls.gov', 'wikipedia.org']);
    expect(resources[0]?.outletIds).toHaveLength(3);
    expect(resources[1]?.title).toBe('Nonfarm payrolls');
    expect(resources[0]?.title).toBe('Empsit nr0');
  });

  it('never uses a bare id as link text', () => {
    const links = [
      'https://docs.example.org/files/3f2b9c4e-1d2a-4b7c-9e8f-0a1b2c3d4e5f',
      'https://www.springfield.gov/council/minutes-2024-03-05.pdf',
      'https://data.example.net/d/8f14e45fceea167a5a36dedd4bea2543/',
    ];
    const a = makeArticle({ url: 'https://a-news.com/1', outlet: 'A News', links });
    const titles = extractExternalResources(makeStory([a]), [a]).map((r) => r.title);
    expect(titles.sort()).toEqual(['Files', 'Minutes 2024 03 05', 'example.net']);
  });

  it('returns nothing when articles link nowhere', () => {
    const a = makeArticle();
    expect(extractExternalResources(makeStory([a]), [a])).toEqual([]);
  });
});
