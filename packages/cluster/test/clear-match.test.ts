import type { Article } from '@newsloom/core';
import { makeArticle } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clusterArticles, createClusterer } from '../src/index';

const at = (day: number): string => new Date(Date.UTC(2024, 2, day, 12)).toISOString();
const article = (outlet: string, title: string, summary: string, day: number): Article =>
  makeArticle({
    url: `https://${outlet}.example/${day}`,
    outlet,
    title,
    summary,
    publishedAt: at(day),
  });

// A story on day 1, and a follow-up three days later: the time decay leaves the follow-up a weak
// score, below a strict threshold but far above anything else.
const story = [
  article(
    'wire',
    'Lighthouse keepers strike over pay',
    'Lighthouse keepers walked out over pay cuts.',
    1,
  ),
  article(
    'paper',
    'Lighthouse keepers walk out over pay',
    'Keepers at twelve lighthouses struck over pay.',
    1,
  ),
];
const followUp = article(
  'radio',
  'Lighthouse strike enters fourth day',
  'Lighthouse keepers kept up their strike over pay.',
  4,
);
const strict = {
  threshold: 0.9,
  clearMatchThreshold: 0.001,
  relatedThreshold: 0.01,
  regroupThreshold: 0,
};

const storyOf = (stories: ReturnType<typeof clusterArticles>, id: string) =>
  stories.find((s) => s.articleIds.some((member) => member === id))?.id;

describe('clear matches', () => {
  it('joins a lone weak best match below the threshold', () => {
    const stories = clusterArticles([...story, followUp], strict);
    expect(storyOf(stories, followUp.id)).toBe(storyOf(stories, story[0]?.id ?? ''));
  });

  it('does not when the runner-up comes close', () => {
    // A second story sharing no word with the first, and a follow-up that matches both alike.
    const ferries = [
      article('gazette', 'Ferry crews stop work', 'Ferry crews stopped work at dawn.', 1),
      article('courier', 'Ferry crews halt crossings', 'Crews halted ferry crossings at dawn.', 1),
    ];
    const both = article(
      'radio',
      'Lighthouse keepers and ferry crews',
      'Lighthouse keepers walked out; ferry crews stopped work.',
      4,
    );
    const stories = clusterArticles([...story, ...ferries, both], strict);
    expect(storyOf(stories, story[0]?.id ?? '')).not.toBe(storyOf(stories, ferries[0]?.id ?? ''));
    const own = stories.find((s) => s.id === storyOf(stories, both.id));
    expect(own?.articleIds).toEqual([both.id]);
  });

  it('needs real shared vocabulary (lexical similarity at the related threshold)', () => {
    const stories = clusterArticles([...story, followUp], { ...strict, relatedThreshold: 0.99 });
    expect(storyOf(stories, followUp.id)).not.toBe(storyOf(stories, story[0]?.id ?? ''));
  });

  it('is off with clearMatchThreshold 1', () => {
    const stories = clusterArticles([...story, followUp], { ...strict, clearMatchThreshold: 1 });
    expect(storyOf(stories, followUp.id)).not.toBe(storyOf(stories, story[0]?.id ?? ''));
  });

  it('rejects a ratio below 1', () => {
    expect(() => createClusterer({ clearMatchRatio: 0.5 })).toThrow(/clearMatchRatio/);
  });
});
