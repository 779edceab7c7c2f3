import type { TopHeadline } from '@newsloom/core';
import type { ResolvedOptions } from './options';
import type { StoryFacts } from './story-facts';
import { compareStrings, hoursOf, range, round6 } from './util';

/** `x / (x + half)`: 0 at 0, 0.5 at `half`, towards 1 beyond. */
export function saturate(x: number, half: number): number {
  return x <= 0 ? 0 : x / (x + half);
}

/** Recency: `2^(-ageHours / halfLifeHours)`, age clamped at 0 (stories after `now` count as new). */
export function recencyOf(lastMs: number, nowMs: number, halfLifeHours: number): number {
  const age = Math.max(0, hoursOf(nowMs - lastMs));
  return 2 ** (-age / halfLifeHours);
}

/** Score components of one story; `score` is {@link headlineScore}. */
function headlineComponents(
  facts: StoryFacts,
  nowMs: number,
  options: ResolvedOptions['top'],
): Record<string, number> {
  const velocity = facts.recentDistinct / options.velocityWindowHours;
  const ageHours = Math.max(0, hoursOf(nowMs - facts.lastMs));
  const breadthScore = saturate(facts.breadth, options.breadthHalfSaturation);
  const velocityScore = saturate(velocity, options.velocityHalfSaturation);
  const recency = recencyOf(facts.lastMs, nowMs, options.halfLifeHours);
  const sizeScore = saturate(facts.distinctCount, options.sizeHalfSaturation);
  return {
    breadth: facts.breadth,
    breadthScore: round6(breadthScore),
    velocity: round6(velocity),
    velocityScore: round6(velocityScore),
    ageHours: round6(ageHours),
    recency: round6(recency),
    size: facts.distinctCount,
    sizeScore: round6(sizeScore),
    coverage: round6(coverageOf(facts, options)),
    articles: facts.articleCount,
    score: headlineScore(facts, nowMs, options),
  };
}

/**
 * Ranks stories: score descending, then breadth descending, then latest article descending,
 * then story id ascending — so equal scores always come out in the same order. Components are
 * built only for the entries returned.
 */
export function rankTopHeadlines(
  stories: readonly StoryFacts[],
  nowMs: number,
  options: ResolvedOptions['top'],
): TopHeadline[] {
  const scores = new Float64Array(stories.length);
  stories.forEach((facts, i) => {
    scores[i] = headlineScore(facts, nowMs, options);
  });
  const order = range(stories.length);
  order.sort((a, b) => {
    const x = stories[a] as StoryFacts;
    const y = stories[b] as StoryFacts;
    return (
      (scores[b] as number) - (scores[a] as number) ||
      y.breadth - x.breadth ||
      y.lastMs - x.lastMs ||
      compareStrings(x.id, y.id)
    );
  });
  const limit = Math.min(options.limit, order.length);
  const result: TopHeadline[] = [];
  for (let i = 0; i < limit; i += 1) {
    const facts = stories[order[i] as number] as StoryFacts;
    const { score, ...components } = headlineComponents(facts, nowMs, options);
    result.push({ storyId: facts.id, rank: i + 1, score: score as number, components });
  }
  return result;
}

/**
 * How widely a story is covered, 0–1: the weighted mean of the breadth, size and velocity
 * scores. Recency is not in it: it only scales the result (see {@link headlineScore}).
 */
function coverageOf(facts: StoryFacts, options: ResolvedOptions['top']): number {
  const w = options.weights;
  const velocity = facts.recentDistinct / options.velocityWindowHours;
  const total = w.breadth + w.size + w.velocity;
  if (total === 0) return 0;
  return (
    (w.breadth * saturate(facts.breadth, options.breadthHalfSaturation) +
      w.size * saturate(facts.distinctCount, options.sizeHalfSaturation) +
      w.velocity * saturate(velocity, options.velocityHalfSaturation)) /
    total
  );
}

/**
 * score = coverage × (1 − w.recency + w.recency × recency): breadth and size decide, recency
 * moves a score by at most `w.recency` (a quarter by default), so it orders stories of
 * comparable coverage and never lifts a one-article story above a story several outlets carry.
 */
function headlineScore(facts: StoryFacts, nowMs: number, options: ResolvedOptions['top']): number {
  const share = Math.min(1, options.weights.recency);
  const recency = recencyOf(facts.lastMs, nowMs, options.halfLifeHours);
  return round6(coverageOf(facts, options) * (1 - share + share * recency));
}
