// Rankings a reader trusts: breadth and size before recency; minority reports and exclusives
// only for news, and only with evidence that the story matters.
import type { Article, Outlet, Story } from '@newsloom/core';
import { makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../src/index';

const LONG = 'A council report described the harbour budget in detail, '.repeat(5);

function article(id: string, outletId: string, time: string, title = `Story ${id}`): Article {
  return makeArticle({
    id,
    url: `https://${outletId}.example/${id}`,
    outletId,
    title,
    text: `${title}. ${LONG}`,
    publishedAt: `2024-03-01T${time}:00Z`,
  });
}

function outlet(id: string, extra: Partial<Outlet> = {}): Outlet {
  return { id: id as Outlet['id'], name: id, attributes: [], meta: {}, ...extra };
}

const outlets = [outlet('ap'), outlet('bbc'), outlet('local'), outlet('pod', { news: false })];
const shared = [article('s1', 'ap', '02:00'), article('s2', 'bbc', '03:00')];
const tutorial = article('t1', 'local', '23:00', 'Validating XHTML documents online');
const episode = [article('p1', 'pod', '20:00'), article('p2', 'pod', '21:00')];
const twice = [article('l1', 'local', '10:00'), article('l2', 'local', '12:00')];
const stories: Story[] = [
  makeStory(shared, { id: 'shared' }),
  makeStory([tutorial], { id: 'tutorial' }),
  makeStory(episode, { id: 'episode' }),
  makeStory(twice, { id: 'twice' }),
];
const articles = [...shared, tutorial, ...episode, ...twice];

describe('top headlines', () => {
  it('never puts a one-article, one-outlet story first because it is the newest', () => {
    const report = analyzeCoverage({ articles, stories, outlets });
    expect(report.topHeadlines[0]?.storyId).toBe('shared');
    const tutorialRank = report.topHeadlines.find((h) => h.storyId === 'tutorial')?.rank;
    expect(tutorialRank).toBeGreaterThan(1);
    // Recency is the newest possible for the tutorial, and it still ranks below.
    expect(report.topHeadlines.find((h) => h.storyId === 'tutorial')?.components.recency).toBe(1);
  });

  it('orders stories of equal coverage by recency', () => {
    const a = article('x1', 'ap', '01:00');
    const b = article('y1', 'bbc', '05:00');
    const report = analyzeCoverage({
      articles: [a, b],
      stories: [makeStory([a], { id: 'old' }), makeStory([b], { id: 'new' })],
    });
    expect(report.topHeadlines.map((h) => h.storyId)).toEqual(['new', 'old']);
  });
});

describe('minority reports and unique coverage', () => {
  // The articles share boilerplate text: count each one (no syndication grouping).
  const options = { minority: { maxBreadth: 1 }, syndication: 'none' } as const;
  const report = analyzeCoverage({ articles, stories, outlets }, options);
  const reported = report.minorityReports.map((r) => r.storyId);

  it('need evidence: one article from one outlet is not a minority report', () => {
    expect(reported).toContain('twice');
    expect(reported).not.toContain('tutorial');
    const twiceReport = report.minorityReports.find((r) => r.storyId === 'twice');
    expect(twiceReport?.components.articles).toBe(2);
  });

  it('count a follow-up by the same outlet as evidence', () => {
    const twiceReport = report.minorityReports.find((r) => r.storyId === 'twice');
    expect(twiceReport?.outletIds).toEqual(['local']);
    expect(twiceReport?.reason).toBe('low-breadth');
  });

  it('only count news: an outlet marked news: false gives no minority report or exclusive', () => {
    expect(reported).not.toContain('episode');
    const pod = report.uniqueByOutlet.find((u) => u.outletId === 'pod');
    expect(pod).toMatchObject({ storyCount: 1, exclusiveStoryIds: [] });
    const local = report.uniqueByOutlet.find((u) => u.outletId === 'local');
    expect(local?.exclusiveStoryIds).toEqual(['tutorial', 'twice']);
  });
});
