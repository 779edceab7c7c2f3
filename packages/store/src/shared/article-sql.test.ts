import { type ArticleQuery, FeedIdSchema, OutletIdSchema } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { articlePageSql } from './article-sql';

describe('articlePageSql', () => {
  const query: ArticleQuery = {
    since: '2024-01-01T00:00:00Z',
    outletId: OutletIdSchema.parse('bbc'),
    feedId: FeedIdSchema.parse('f1'),
  };
  const after: [string, string] = ['2024-01-02T00:00:00.000Z', 'a9'];

  it('numbers PostgreSQL parameters in the order of their values', () => {
    const { sql, params } = articlePageSql(query, 's1', after, 50, (n) => `$${n}`);
    expect(params).toEqual(['s1', ...after, '2024-01-01T00:00:00.000Z', 'bbc', 'f1', 50]);
    const used = [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    expect(used).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sql).toContain('m.story_id = $1');
    expect(sql).toMatch(/LIMIT \$7$/);
  });

  it('writes one ? per value for SQLite and no WHERE without filters', () => {
    const filtered = articlePageSql(query, undefined, after, 10, () => '?');
    expect(filtered.sql.split('?').length - 1).toBe(filtered.params.length);
    const plain = articlePageSql({}, undefined, undefined, 10, () => '?');
    expect(plain.sql).not.toContain('WHERE');
    expect(plain.params).toEqual([10]);
  });
});
