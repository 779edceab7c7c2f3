import { CoverageReportSchema, isNewsloomError } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../src/index';
import { articles, outlets, stories } from './newsroom-fixture';

const report = analyzeCoverage(
  { articles, stories, outlets },
  { minority: { attributes: ['lean'] }, topHeadlines: { limit: Infinity } },
);
const unique = (id: string) => report.uniqueByOutlet.find((u) => u.outletId === id);

describe('analyzeCoverage on the hand-made newsroom', () => {
  it('is a valid CoverageReport and uses the latest article as now', () => {
    expect(CoverageReportSchema.parse(report)).toEqual(report);
    expect(report.now).toBe('2024-01-01T13:20:00.000Z');
  });

  it('counts outlet families and syndicated copies once in breadth', () => {
    // S1: fox, cnn + (ap, small1, small2 share one wire copy) = 3; S2: two BBC feeds = 1;
    // S5: cnn + (ap, small1 given as duplicates) = 2.
    expect(report.breadth).toEqual({ S1: 3, S2: 1, S3: 3, S4: 2, S5: 2 });
  });

  it('marks cells whose every article is another outlet’s copy as syndicated', () => {
    const s1 = report.matrix.filter((c) => c.storyId === 'S1');
    expect(s1.map((c) => [c.outletId, c.syndicated])).toEqual([
      ['ap', true],
      ['cnn', false],
      ['fox', false],
      ['small1', true],
      ['small2', true],
    ]);
    const bbc = report.matrix.filter((c) => c.storyId === 'S2');
    expect(bbc.map((c) => [c.outletId, c.firstSeen, c.articleIds])).toEqual([
      ['bbc-news', '2024-01-01T12:00:00.000Z', ['b1']],
      ['bbc-world', '2024-01-01T12:05:00.000Z', ['b2']],
    ]);
    expect(report.matrix.some((c) => c.articleIds.includes('loose' as never))).toBe(false);
  });

  it('reports every top-headline component and the score: coverage scaled by recency', () => {
    const s1 = report.topHeadlines.find((h) => h.storyId === 'S1')!;
    const age = 140 / 60; // 11:00 → 13:20
    const recency = 2 ** (-age / 12);
    const coverage = 0.55 * (3 / 8) + 0.15 * (0.5 / 1.5) + 0.3 * (3 / 13);
    const expected = coverage * (0.75 + 0.25 * recency);
    expect(s1.components).toMatchObject({ breadth: 3, size: 3, articles: 5, velocity: 0.5 });
    expect(s1.components.ageHours).toBeCloseTo(age, 5);
    expect(s1.score).toBeCloseTo(expected, 5);
    expect(report.topHeadlines.map((h) => h.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('credits exclusives to the whole family and first reports with lead times', () => {
    expect(unique('bbc-news')).toEqual({
      outletId: 'bbc-news',
      exclusiveStoryIds: ['S2'],
      storyCount: 1,
      exclusivity: 1,
      firstReports: 0,
      meanLeadMinutes: null,
    });
    expect(unique('bbc-world')?.exclusiveStoryIds).toEqual(['S2']);
    // fox: S1 first by 30 min, S3 tied with cnn (0), S4 first by 20 min.
    expect(unique('fox')).toMatchObject({ storyCount: 3, firstReports: 3, exclusivity: 0 });
    expect(unique('fox')?.meanLeadMinutes).toBeCloseTo(50 / 3, 5);
    expect(unique('cnn')).toMatchObject({ storyCount: 3, firstReports: 1, meanLeadMinutes: 0 });
    expect(unique('ap')).toMatchObject({ storyCount: 3, firstReports: 1, meanLeadMinutes: 10 });
    expect(unique('small2')).toMatchObject({
      storyCount: 1,
      firstReports: 0,
      meanLeadMinutes: null,
    });
  });

  it('lists low-breadth stories and blindspots with the share per group', () => {
    const low = report.minorityReports.filter((r) => r.reason === 'low-breadth');
    expect(low.map((r) => r.storyId).sort()).toEqual(['S2', 'S4', 'S5']);
    const blind = report.minorityReports.filter((r) => r.reason === 'blindspot');
    expect(blind).toHaveLength(1);
    expect(blind[0]).toMatchObject({ storyId: 'S4', score: 0.5, breadth: 2 });
    expect(blind[0]?.groups).toEqual([
      { attribute: 'lean', group: 'right', share: 1, outletIds: ['fox', 'newsmax'] },
      { attribute: 'lean', group: 'center', share: 0, outletIds: [] },
      { attribute: 'lean', group: 'left', share: 0, outletIds: [] },
    ]);
  });

  it('uses given duplicate groups over the fingerprint', () => {
    const none = analyzeCoverage({ articles, stories, outlets }, { syndication: 'none' });
    expect(none.breadth).toMatchObject({ S1: 5, S5: 3 });
    expect(none.matrix.every((c) => !c.syndicated)).toBe(true);
  });
});

describe('time windows', () => {
  it('keeps only articles inside a range, a day or the last N hours', () => {
    const lastHours = analyzeCoverage({ articles, stories, outlets }, { window: { lastHours: 2 } });
    expect(lastHours.window).toEqual({
      since: '2024-01-01T11:20:00.000Z',
      until: '2024-01-01T13:20:00.000Z',
    });
    expect(Object.keys(lastHours.breadth)).toEqual(['S2', 'S4']);
    const range = analyzeCoverage(
      { articles, stories, outlets },
      { window: { since: '2024-01-01T06:00:00Z', until: '2024-01-01T08:00:00Z' } },
    );
    expect(range.breadth).toEqual({ S3: 2, S5: 2 });
    expect(range.now).toBe('2024-01-01T08:00:00.000Z');
    const day = analyzeCoverage({ articles, stories, outlets }, { window: { day: '2024-01-02' } });
    expect(day.matrix).toEqual([]);
  });

  it('anchors last N hours at the given now', () => {
    const r = analyzeCoverage(
      { articles, stories, outlets },
      { now: '2024-01-01T09:00:00Z', window: { lastHours: 1 } },
    );
    expect(Object.keys(r.breadth)).toEqual(['S3']);
  });
});

describe('errors', () => {
  it('throws INVALID_INPUT naming the bad option', () => {
    const bad = () =>
      analyzeCoverage({ articles, stories }, { topHeadlines: { halfLifeHours: 0 } });
    expect(bad).toThrow(/topHeadlines.halfLifeHours/);
    try {
      analyzeCoverage({ articles, stories }, { now: 'yesterday' });
    } catch (error) {
      expect(isNewsloomError(error, 'INVALID_INPUT')).toBe(true);
    }
  });
});
