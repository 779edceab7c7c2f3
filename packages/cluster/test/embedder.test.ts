import type { Article, Embedder } from '@newsloom/core';
import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';

const at = (h: number) => new Date(Date.UTC(2024, 4, 6, h)).toISOString();
const articles: Article[] = [
  makeArticle({
    url: 'https://a.example/1',
    outlet: 'A',
    title: 'Senate passes chips bill',
    publishedAt: at(1),
  }),
  makeArticle({
    url: 'https://b.example/1',
    outlet: 'B',
    title: 'Chip subsidies clear the Senate floor',
    publishedAt: at(2),
  }),
];
// Strict lexical options: the pair shares "senate" and "chip" but scores far below 0.9.
const strict = { threshold: 0.9, clearMatchThreshold: 1, embeddingBand: 0.01 };

// Test embedders (written for this test): every text the same vector, or each its own axis.
const same: Embedder = {
  name: 'same',
  dimension: 2,
  embed: (t) => t.map(() => Float32Array.of(1, 1)),
};
let axis = 0;
const apart: Embedder = {
  name: 'apart',
  dimension: 64,
  embed: (t) =>
    t.map(() => {
      const v = new Float32Array(64);
      v[axis++ % 64] = 1;
      return v;
    }),
};

describe('embedder for borderline pairs', () => {
  it('joins a borderline pair whose embeddings agree, and only then', () => {
    expect(clusterArticles(articles, strict)).toHaveLength(2);
    expect(clusterArticles(articles, { ...strict, embedder: same })).toHaveLength(1);
    expect(clusterArticles(articles, { ...strict, embedder: apart })).toHaveLength(2);
  });

  it('asks nothing below the band and changes nothing for clear lexical decisions', () => {
    expect(clusterArticles(articles, { ...strict, embeddingBand: 1, embedder: same })).toHaveLength(
      2,
    );
    const plain = JSON.stringify(clusterArticles(articles));
    expect(JSON.stringify(clusterArticles(articles, { embedder: apart }))).toBe(plain);
  });

  it('keeps member embeddings through a JSON snapshot', () => {
    const first = createClusterer({ ...strict, embedder: same });
    first.add(articles.slice(0, 1));
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    expect(saved.active[0].members[0].embedding).toHaveLength(2);
    const next = createClusterer({ ...strict, embedder: same });
    next.restore(saved);
    next.add(articles.slice(1));
    expect(next.stories()).toHaveLength(1);
  });

  it('rejects an embedding threshold outside 0–1', () => {
    expect(() => createClusterer({ embeddingThreshold: 2 })).toThrow(/embeddingThreshold/);
  });
});
