import { type Article, storyIdFromSeed } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';
import { fixtureArticles } from './fixtures';

const byUrl = (articles: readonly Article[], part: string): Article['id'] => {
  const found = articles.find((a) => a.url.includes(part));
  if (!found) throw new Error(`no fixture article ${part}`);
  return found.id;
};

describe('clusterArticles', () => {
  const articles = fixtureArticles();
  const stories = clusterArticles(articles);
  const storyOf = (part: string) =>
    stories.find((s) => s.articleIds.includes(byUrl(articles, part)));

  it('groups articles about one event and separates different events', () => {
    expect(storyOf('wire.example/claims-1')?.id).toBe(storyOf('paper.example/claims-1')?.id);
    expect(storyOf('paper.example/court')?.id).toBe(storyOf('wire.example/court')?.id);
    expect(storyOf('wire.example/volcano')?.articleIds).toHaveLength(2);
    expect(storyOf('wire.example/court')?.id).not.toBe(storyOf('wire.example/claims-1')?.id);
  });

  it('keeps a recurring weekly story apart from last week’s', () => {
    expect(storyOf('wire.example/claims-2')?.id).not.toBe(storyOf('wire.example/claims-1')?.id);
  });

  it('derives story ids from the seed article', () => {
    const court = storyOf('wire.example/court');
    expect(court?.id).toBe(storyIdFromSeed(String(court?.articleIds[0])));
    expect(court?.history[0]?.type).toBe('created');
  });

  it('marks syndicated copies as one near-duplicate group', () => {
    const court = storyOf('wire.example/court');
    expect(court?.duplicateGroups).toEqual([
      [byUrl(articles, 'wire.example/court'), byUrl(articles, 'syndicate.example/court')].sort(),
    ]);
  });

  it('is deterministic byte for byte and independent of input order', () => {
    const again = clusterArticles([...articles].reverse());
    expect(JSON.stringify(again)).toBe(JSON.stringify(stories));
  });

  it('links a recurring story to last week’s as related when it is still active', () => {
    const linked = clusterArticles(articles, { activeWindowHours: 240 });
    const second = linked.find((s) => s.articleIds.includes(byUrl(articles, 'claims-2')));
    const first = linked.find((s) => s.articleIds.includes(byUrl(articles, 'claims-1')));
    expect(second?.parentId).toBe(first?.id);
    expect(first?.relatedIds).toContain(second?.id);
  });
});

describe('createClusterer', () => {
  const articles = fixtureArticles();
  const batch = JSON.stringify(clusterArticles(articles));
  const sorted = [...articles].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));

  it('gives the same stories one article at a time as all at once', () => {
    const clusterer = createClusterer();
    for (const article of sorted) clusterer.add([article]);
    expect(JSON.stringify(clusterer.stories())).toBe(batch);
  });

  it('continues from a JSON snapshot as if never interrupted', () => {
    const first = createClusterer();
    first.add(sorted.slice(0, 4));
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    const second = createClusterer();
    second.restore(saved);
    second.add(sorted.slice(4));
    expect(JSON.stringify(second.stories())).toBe(batch);
  });

  it('closes stories after the active window and can stream them out', () => {
    const closed: string[] = [];
    const clusterer = createClusterer({
      activeWindowHours: 24,
      keepClosed: false,
      onStoryClosed: (s) => closed.push(s.id),
    });
    clusterer.add(sorted);
    expect(closed.length).toBeGreaterThan(0);
    expect(clusterer.stories().length + closed.length).toBe(JSON.parse(batch).length);
  });

  it('skips articles it already holds and reports late ones whose stories are closed', () => {
    const clusterer = createClusterer();
    expect(clusterer.add(sorted).unplaced).toEqual([]);
    const again = clusterer.add(sorted);
    expect(JSON.stringify(clusterer.stories())).toBe(batch);
    const late = sorted.filter((a) => a.publishedAt < '2024-05-09');
    expect(again.unplaced.map((u) => [u.articleId, u.reason])).toEqual(
      late.map((a) => [a.id, 'too-late']),
    );
  });

  it('rejects invalid options and snapshots', () => {
    expect(() => createClusterer({ threshold: 2 })).toThrow(/threshold/);
    expect(() => createClusterer().restore(JSON.parse('{"version":9}'))).toThrow(/snapshot/);
  });
});

describe('input checks', () => {
  it('reports an article without a valid publication time and places the others', () => {
    const [article, ...rest] = fixtureArticles();
    if (!article) throw new Error('no fixture');
    const broken = { ...article, publishedAt: 'yesterday' as Article['publishedAt'] };
    const heard: string[] = [];
    const stories = clusterArticles([broken, ...rest], { onUnplaced: (u) => heard.push(u.reason) });
    expect(heard).toEqual(['invalid']);
    expect(stories.flatMap((s) => s.articleIds)).toHaveLength(rest.length);
  });
});
