import { describe, expect, it } from 'vitest';
import { NewsloomError } from '../errors/newsloom-error';
import { parseArticle, safeParseArticle } from './parse-article';

const minimal = {
  url: 'https://apnews.com/article/x?utm_source=tw',
  title: 'Biden opens climate summit',
  publishedAt: '2021-04-22T10:00:00-04:00',
};

function errorOf(input: unknown): NewsloomError {
  const result = safeParseArticle(input);
  if (result.success) throw new Error('expected a failure');
  return result.error;
}

describe('parseArticle', () => {
  it('accepts the interchange form, keeping the given id', () => {
    const article = parseArticle({
      ...minimal,
      id: 'as-1',
      outlet: 'Associated Press',
      summary: 'Lead.',
    });
    expect(article).toMatchObject({
      id: 'as-1',
      outletId: 'associated-press',
      outletName: 'Associated Press',
      canonicalUrl: 'https://apnews.com/article/x',
      publishedAt: '2021-04-22T14:00:00.000Z',
      summary: 'Lead.',
      authors: [],
      categories: [],
      links: [],
    });
  });

  it('derives the id from the canonical URL when none is given', () => {
    const a = parseArticle(minimal);
    const b = parseArticle({ ...minimal, url: 'https://www.apnews.com/article/x#top' });
    expect(a.id).toMatch(/^a-[0-9a-f]{16}$/);
    expect(b.id).toBe(a.id);
  });

  it('falls back from outletId to outlet name to the registrable domain', () => {
    expect(parseArticle({ ...minimal, outletId: 'ap' }).outletId).toBe('ap');
    expect(parseArticle({ ...minimal, url: 'https://www.bbc.co.uk/news/1' }).outletId).toBe(
      'bbc.co.uk',
    );
  });

  it('reads zoneless times as UTC, never the host zone', () => {
    expect(parseArticle({ ...minimal, publishedAt: '2021-04-22T10:00:00' }).publishedAt).toBe(
      '2021-04-22T10:00:00.000Z',
    );
    expect(parseArticle({ ...minimal, publishedAt: '2021-04-22' }).publishedAt).toBe(
      '2021-04-22T00:00:00.000Z',
    );
  });

  it('keeps unknown keys in meta so no data is lost', () => {
    const article = parseArticle({ ...minimal, lean: 'left', meta: { lean: 'center' }, extra: 3 });
    expect(article.meta).toEqual({ lean: 'center', extra: 3 });
  });

  it('names the field and the problem in its errors', () => {
    expect(errorOf({ ...minimal, title: '' }).message).toMatch(/title: is required/);
    expect(errorOf({ ...minimal, url: undefined }).message).toMatch(/url/);
    expect(errorOf({ ...minimal, url: '/relative' }).message).toMatch(
      /url: "\/relative" is not an absolute URL/,
    );
    const date = errorOf({ ...minimal, id: 'x1', publishedAt: 'yesterday' });
    expect(date.code).toBe('INVALID_ARTICLE');
    expect(date.message).toMatch(
      /Invalid article x1: publishedAt: must be an ISO 8601 date-time .*"yesterday"/,
    );
    expect(date.details.field).toBe('publishedAt');
    expect(errorOf({ ...minimal, publishedAt: undefined }).message).toMatch(/publishedAt.*missing/);
    expect(errorOf('a string').message).toMatch(/Invalid article/);
  });

  it('throws a NewsloomError from parseArticle', () => {
    expect(() => parseArticle({})).toThrowError(NewsloomError);
  });
});
