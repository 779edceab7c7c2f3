import type { TopHeadline } from '@newsloom/core';
import type { ResolvedOptions } from './options';
import type { StoryFacts } from './story-facts';
import { compareStrings, hoursOf, round6 } from './util';

/** `x / (x + half)`: 0 at 0, 0.5 at `half`, towards 1 beyond. */
export function saturate(x: number, half: number): number {
  return x <= 0 ? 0 : x / (x + half);
}

/** Recency: `2^(-ageHours / halfLifeHours)`, age clamped at 0 (stories after `now` count as new). */
export function recencyOf(lastMs: number, nowMs: number, halfLifeHours: number): number {
  const age = Math.max(0, hoursOf(nowMs - lastMs));
  return 2 ** (-age / halfLifeHours);
}

/** Score components of one story; `score` is the weighted sum of the four `*Score`/`recency` parts. */
export function headlineComponents(
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
  const w = options.weights;
  return {
    breadth: facts.breadth,
    breadthScore: round6(breadthScore),
    velocity: round6(velocity),
    velocityScore: round6(velocityScore),
    ageHours: round6(ageHours),
    recency: round6(recency),
    size: facts.distinctCount,
    sizeScore: round6(sizeScore),
    articles: facts.articleCount,
    score: round6(
      w.breadth * breadthScore +
        w.velocity * velocityScore +
        w.recency * recency +
        w.size * sizeScore,
    ),
  };
}

/**
 * Ranks stories: score descending, then breadth descending, then latest article descending,
 * then story id ascending — so equal scores always come out in the same order.
 */
export function rankTopHeadlines(
  stories: readonly StoryFacts[],
  nowMs: number,
  options: ResolvedOptions['top'],
): TopHeadline[] {
  const scored = stories.map((facts) => ({
    facts,
    components: headlineComponents(facts, nowMs, options),
  }));
  scored.sort(
    (a, b) =>
      (b.components.score as number) - (a.components.score as number) ||
      b.facts.breadth - a.facts.breadth ||
      b.facts.lastMs - a.facts.lastMs ||
      compareStrings(a.facts.id, b.facts.id),
  );
  const limit = Math.min(options.limit, scored.length);
  const result: TopHeadline[] = [];
  for (let i = 0; i < limit; i += 1) {
    const { facts, components } = scored[i]!;
    const { score, ...parts } = components;
    result.push({ storyId: facts.id, rank: i + 1, score: score as number, components: parts });
  }
  return result;
}
