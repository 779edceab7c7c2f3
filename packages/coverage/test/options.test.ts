import type { Outlet } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../src/index';
import { articles, outlets, stories } from './newsroom-fixture';

const input = { articles, stories, outlets };

describe('analyzeCoverage options', () => {
  it('joins outlets sharing a domain into one family when asked', () => {
    // small1 and small2 both reprint the wire in S1; as one domain they are one family.
    const sameDomain: Outlet[] = outlets.map((o) =>
      o.id === 'cnn' || o.id === 'fox' ? { ...o, domain: 'example.com' } : o,
    );
    const byGroup = analyzeCoverage({ ...input, outlets: sameDomain });
    const byDomain = analyzeCoverage(
      { ...input, outlets: sameDomain },
      { familyBy: 'group-or-domain' },
    );
    expect(byGroup.breadth.S3).toBe(3);
    expect(byDomain.breadth.S3).toBe(2);
    // cnn and fox tie at 08:00 in S3: as one family, the lead runs to ap at 09:00.
    expect(byDomain.uniqueByOutlet.find((u) => u.outletId === 'cnn')?.firstReports).toBe(1);
  });

  it('selects low-breadth stories by percentile', () => {
    const r = analyzeCoverage(input, { minority: { breadthPercentile: 0.2 } });
    const low = r.minorityReports.filter((m) => m.reason === 'low-breadth');
    expect(low.map((m) => m.storyId)).toEqual(['S2']);
    expect(low[0]?.components.cutoff).toBe(1);
  });

  it('reads only the named source’s ratings', () => {
    const rerated: Outlet[] = outlets.map((o) =>
      o.id === 'newsmax'
        ? {
            ...o,
            attributes: [
              ...o.attributes,
              { name: 'lean', value: 'left', source: 'Other', asOf: '2030-01-01' },
            ],
          }
        : o,
    );
    const any = analyzeCoverage(
      { ...input, outlets: rerated },
      { minority: { attributes: ['lean'] } },
    );
    const only = analyzeCoverage(
      { ...input, outlets: rerated },
      { minority: { attributes: ['lean'], attributeSource: 'ExampleRater' } },
    );
    expect(any.minorityReports.some((m) => m.reason === 'blindspot')).toBe(false);
    expect(
      only.minorityReports.filter((m) => m.reason === 'blindspot').map((m) => m.storyId),
    ).toEqual(['S4']);
  });

  it('clamps ages at 0 when articles are newer than now, and limits entries', () => {
    const r = analyzeCoverage(input, { now: '2024-01-01T00:00:00Z', topHeadlines: { limit: 2 } });
    expect(r.topHeadlines).toHaveLength(2);
    for (const h of r.topHeadlines) expect(h.components.recency).toBe(1);
  });

  it('gives the same report for the same input, and an empty one for no input', () => {
    expect(JSON.stringify(analyzeCoverage(input))).toBe(JSON.stringify(analyzeCoverage(input)));
    expect(analyzeCoverage({ articles: [], stories: [] })).toEqual({
      window: {},
      topHeadlines: [],
      minorityReports: [],
      uniqueByOutlet: [],
      matrix: [],
      breadth: {},
    });
  });
});

describe('duplicate article ids', () => {
  it('keep the earliest copy whatever the input order', () => {
    const late = { ...articles[0]!, publishedAt: '2024-01-02T00:00:00.000Z' };
    const a = analyzeCoverage({ articles: [...articles, late], stories, outlets });
    const b = analyzeCoverage({ articles: [late, ...articles], stories, outlets });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(analyzeCoverage(input));
  });
});
