import type { Article } from '@newsloom/core';
import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';
import { fixtureArticles } from './fixtures';

const sorted = fixtureArticles().sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
const at = (article: Article, publishedAt: string): Article => ({
  ...article,
  id: `${article.id}-moved` as Article['id'],
  publishedAt: publishedAt as Article['publishedAt'],
});
const first = sorted[0] as Article;
const NOW = Date.parse('2024-05-14T00:00:00Z');

describe('articles the clusterer does not place', () => {
  it('reports a future-dated article, which never moves the stream time', () => {
    const clusterer = createClusterer();
    const future = at(first, '2999-06-01T00:00:00.000Z');
    const { unplaced } = clusterer.add([future, ...sorted], { now: NOW });
    expect(unplaced).toEqual([
      { articleId: future.id, reason: 'future', detail: expect.stringMatching(/2999.*24 h/) },
    ]);
    // Later articles still cluster as if the future one never came.
    expect(JSON.stringify(clusterer.stories())).toBe(JSON.stringify(clusterArticles(sorted)));
    expect(clusterer.snapshot().streamTime).toBe(Date.parse(sorted.at(-1)?.publishedAt ?? ''));
  });

  it('takes an article within futureToleranceHours of now, and any date without a now', () => {
    const soon = at(first, '2024-05-14T20:00:00.000Z');
    expect(createClusterer().add([soon], { now: NOW }).unplaced).toEqual([]);
    const strict = createClusterer({ futureToleranceHours: 1 });
    expect(strict.add([soon], { now: new Date(NOW) }).unplaced[0]?.reason).toBe('future');
    expect(createClusterer().add([at(first, '2999-01-01T00:00:00Z')]).unplaced).toEqual([]);
  });

  it('reports articles dated before the epoch and invalid dates', () => {
    const old = at(first, '1900-01-01T00:00:00.000Z');
    const broken = { ...at(first, 'soon'), id: 'broken' as Article['id'] };
    const { unplaced } = createClusterer().add([old, broken, ...sorted]);
    expect(unplaced.map((u) => u.reason)).toEqual(['before-epoch', 'invalid']);
    expect(unplaced[1]?.detail).toMatch(/"soon" is not a date/);
  });

  it('reports each unplaced article to onUnplaced too', () => {
    const heard: string[] = [];
    const clusterer = createClusterer({ onUnplaced: (u) => heard.push(u.articleId) });
    clusterer.add(sorted);
    const { unplaced } = clusterer.add([at(first, first.publishedAt)]);
    expect(unplaced.map((u) => u.reason)).toEqual(['too-late']);
    expect(heard).toEqual([unplaced[0]?.articleId]);
  });

  it('rejects an invalid now and a negative tolerance', () => {
    expect(() => createClusterer().add(sorted, { now: Number.NaN })).toThrow(/now/);
    expect(() => createClusterer({ futureToleranceHours: -1 })).toThrow(/futureToleranceHours/);
  });
});

describe('bounded snapshot', () => {
  // Day after day, one fresh event a day (its own words), for `days` days.
  const stream = (days: number): Article[] =>
    Array.from({ length: days * 2 }, (_, i) => {
      const day = Math.floor(i / 2);
      return makeArticle({
        url: `https://wire.example/${i}`,
        outlet: i % 2 ? 'Wire' : 'Paper',
        title: `Event number${day} happens in place${day}`,
        summary: `Officials described event number${day} in place${day} on day ${day}.`,
        publishedAt: new Date(Date.UTC(2024, 0, 1 + day, i % 2 ? 12 : 9)).toISOString(),
      });
    });

  it('holds the active window only: its size does not grow with the stream', () => {
    const sizes = [20, 80].map((days) => {
      const closed: string[] = [];
      const clusterer = createClusterer({ onStoryClosed: (s) => closed.push(s.id) });
      clusterer.add(stream(days));
      const snapshot = clusterer.snapshot();
      expect(snapshot.version).toBe(2);
      expect('closed' in snapshot).toBe(false);
      expect(closed.length).toBeGreaterThan(days - 10);
      return { active: snapshot.active.length };
    });
    expect(sizes[1]?.active).toBe(sizes[0]?.active);
  });

  it('restores and goes on: closed stories come from onStoryClosed, not the snapshot', () => {
    const articles = stream(12);
    const whole = clusterArticles(articles);
    const closed: Article['id'][][] = [];
    const head = createClusterer({ onStoryClosed: (s) => closed.push(s.articleIds) });
    head.add(articles.slice(0, 16));
    const tail = createClusterer();
    tail.restore(JSON.parse(JSON.stringify(head.snapshot())));
    tail.add(articles.slice(16));
    const resumed = [...closed, ...tail.stories().map((s) => s.articleIds)];
    expect(resumed.sort()).toEqual(whole.map((s) => s.articleIds).sort());
  });

  it('reads a version 1 snapshot, leaving its closed stories out', () => {
    const clusterer = createClusterer();
    clusterer.add(sorted.slice(0, 4));
    const v1 = { ...clusterer.snapshot(), version: 1, closed: [{ id: 'old' }] };
    const next = createClusterer();
    next.restore(v1 as unknown as ReturnType<typeof clusterer.snapshot>);
    expect(next.stories().map((s) => s.id)).toEqual(clusterer.stories().map((s) => s.id));
  });
});
