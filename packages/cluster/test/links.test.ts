import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles } from '../src/index';

const day = (d: number) => new Date(Date.UTC(2024, 4, d, 12)).toISOString();
const article = (n: number, title: string, summary: string, d: number) =>
  makeArticle({
    url: `https://wire.example/${n}`,
    outlet: 'Wire',
    title,
    summary,
    publishedAt: day(d),
  });

// Two weeks of jobless claims (one subject, two events) and a story sharing one word with them.
const claims1 = article(
  1,
  'Weekly jobless claims fall to pandemic low',
  'Initial jobless claims fell to 498,000, the Labor Department said.',
  6,
);
const claims2 = article(
  2,
  'Weekly jobless claims fall again',
  'Initial jobless claims fell to 473,000, the Labor Department said.',
  10,
);
const other = article(
  3,
  'Museum claims stolen painting',
  'A museum in Rome claims a painting stolen in 1980 is a lost Caravaggio.',
  11,
);
// Links are judged on their own: any lexical overlap counts as related here.
const loose = {
  threshold: 0.3,
  relatedThreshold: 0.01,
  clearMatchThreshold: 1,
  activeWindowHours: 240,
};

describe('storyline links', () => {
  const stories = clusterArticles([claims1, claims2, other], loose);
  const of = (id: string) => stories.find((s) => s.articleIds.includes(id as never));

  it('links stories that share salient terms, with the older as storyline parent', () => {
    expect(of(claims2.id)?.id).not.toBe(of(claims1.id)?.id);
    expect(of(claims2.id)?.parentId).toBe(of(claims1.id)?.id);
    expect(of(claims1.id)?.relatedIds).toContain(of(claims2.id)?.id);
  });

  it('does not link a story that shares one word only', () => {
    expect(of(other.id)?.relatedIds).toEqual([]);
    expect(of(other.id)?.parentId).toBeUndefined();
  });

  it('keeps at most 10 links on a story', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      article(
        10 + i,
        `Weekly jobless claims report number ${i}`,
        `Jobless claims fell, the Labor Department said (${i}).`,
        6 + (i % 2) * 9,
      ),
    );
    const all = clusterArticles(many, { ...loose, threshold: 0.99, regroupThreshold: 0 });
    for (const s of all) expect(s.relatedIds.length).toBeLessThanOrEqual(10);
    expect(Math.max(...all.map((s) => s.relatedIds.length))).toBe(10);
  });
});
