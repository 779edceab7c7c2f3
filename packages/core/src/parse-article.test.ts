import { describe, expect, it } from 'vitest';
import { parseArticle, safeParseArticle } from './index';

describe('parseArticle', () => {
  it('derives outlet id from the display name and keeps the given id', () => {
    const article = parseArticle({
      id: 'as-1',
      url: 'https://apnews.com/article/x?utm_source=tw',
      outlet: 'Associated Press',
      title: 'Biden opens climate summit',
      publishedAt: '2021-04-22T10:00:00-04:00',
    });
    expect(article.id).toBe('as-1');
    expect(article.outletId).toBe('associated-press');
    expect(article.canonicalUrl).toBe('https://apnews.com/article/x');
    expect(article.publishedAt).toBe('2021-04-22T14:00:00.000Z');
  });
});
