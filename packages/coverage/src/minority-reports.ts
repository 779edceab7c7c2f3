import type { MinorityReport } from '@newsloom/core';
import { AttributeSplitter } from './group-shares';
import type { ResolvedOptions } from './options';
import type { StoryFacts } from './story-facts';
import { recencyOf, saturate } from './top-headlines';
import { compareStrings, range, round6 } from './util';

/** What minority reports need besides the stories. */
export interface MinorityContext {
  nowMs: number;
  options: ResolvedOptions;
  splitters: readonly AttributeSplitter[];
}

/**
 * The breadth at or below which a substantive story is low-breadth: `maxBreadth`, or the
 * nearest-rank `breadthPercentile` of the substantive stories' breadths.
 */
function breadthCutoff(
  substantive: readonly StoryFacts[],
  options: ResolvedOptions['minority'],
): number {
  const p = options.breadthPercentile;
  if (p === undefined) return options.maxBreadth;
  const sorted = substantive.map((s) => s.breadth).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** Low-breadth reports, then blindspot reports per attribute; each list score descending, then story id. */
export function findMinorityReports(
  stories: readonly StoryFacts[],
  ctx: MinorityContext,
): MinorityReport[] {
  const m = ctx.options.minority;
  // Only news counts: a story no news outlet carried (a podcast episode, a classified) is none.
  const substantive = stories.filter((s) => s.news && s.maxChars >= m.minChars);
  const cutoff = breadthCutoff(substantive, m);
  const low = substantive.filter((s) => s.breadth <= cutoff && hasEvidence(s, m));
  const lowScores = low.map((s) => lowBreadthParts(s, ctx).score);
  const result = topIndices(low, lowScores, m.limit).map((i) =>
    lowBreadthReport(low[i] as StoryFacts, cutoff, ctx),
  );
  for (const splitter of ctx.splitters) {
    const found: StoryFacts[] = [];
    const scores: number[] = [];
    for (const facts of substantive) {
      const score = blindspotScore(facts, splitter, m);
      if (score === undefined) continue;
      found.push(facts);
      scores.push(score);
    }
    for (const i of topIndices(found, scores, m.limit))
      result.push(blindspotReport(found[i] as StoryFacts, splitter));
  }
  return result;
}

/**
 * A low-breadth story is worth reporting when there is evidence it matters: more than one
 * article (a second outlet, or a follow-up by the same outlet). A story of one article from
 * one outlet can still be a blindspot, where a group of outlets covers it and the others not.
 */
function hasEvidence(facts: StoryFacts, m: ResolvedOptions['minority']): boolean {
  return facts.distinctCount >= m.minArticles;
}

/** Indices of the `limit` best: score descending, then story id. */
function topIndices(
  stories: readonly StoryFacts[],
  scores: readonly number[],
  limit: number,
): number[] {
  const order = range(stories.length);
  order.sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) ||
      compareStrings((stories[a] as StoryFacts).id, (stories[b] as StoryFacts).id),
  );
  return order.slice(0, Math.min(limit, order.length));
}

/** score = 0.45 × (1 / breadth) + 0.35 × sizeScore + 0.2 × recency: evidence before freshness. */
function lowBreadthParts(facts: StoryFacts, ctx: MinorityContext) {
  const rarity = 1 / Math.max(1, facts.breadth);
  const recency = recencyOf(facts.lastMs, ctx.nowMs, ctx.options.top.halfLifeHours);
  const sizeScore = saturate(facts.distinctCount, ctx.options.top.sizeHalfSaturation);
  return {
    rarity,
    recency,
    sizeScore,
    score: round6(0.45 * rarity + 0.35 * sizeScore + 0.2 * recency),
  };
}

function lowBreadthReport(facts: StoryFacts, cutoff: number, ctx: MinorityContext): MinorityReport {
  const parts = lowBreadthParts(facts, ctx);
  const outletIds = facts.cells.map((c) => c.outletId);
  const report: MinorityReport = {
    storyId: facts.id,
    outletIds,
    breadth: facts.breadth,
    score: parts.score,
    components: {
      breadth: facts.breadth,
      cutoff,
      rarity: round6(parts.rarity),
      recency: round6(parts.recency),
      sizeScore: round6(parts.sizeScore),
      chars: facts.maxChars,
      articles: facts.distinctCount,
    },
    reason: 'low-breadth',
  };
  if (ctx.splitters.length > 0) {
    report.groups = ctx.splitters.flatMap((s) =>
      s.groups(outletIds, s.shares(outletIds, facts.cellFamilies)),
    );
  }
  return report;
}

/**
 * A blindspot: one group holds at least `blindspotShare` of the rated families, with at least
 * `minRatedFamilies` of them. score = dominantShare × ratedFamilies / (ratedFamilies + 2).
 */
function blindspotScore(
  facts: StoryFacts,
  splitter: AttributeSplitter,
  m: ResolvedOptions['minority'],
): number | undefined {
  const vector = splitter.shares(
    facts.cells.map((c) => c.outletId),
    facts.cellFamilies,
  );
  if (vector.ratedFamilies < m.minRatedFamilies) return undefined;
  const dominant = vector.shares[AttributeSplitter.dominant(vector, splitter.knownGroups)] ?? 0;
  if (dominant < m.blindspotShare) return undefined;
  return round6((dominant * vector.ratedFamilies) / (vector.ratedFamilies + 2));
}

function blindspotReport(facts: StoryFacts, splitter: AttributeSplitter): MinorityReport {
  const outletIds = facts.cells.map((c) => c.outletId);
  const vector = splitter.shares(outletIds, facts.cellFamilies);
  const groups = splitter.groups(outletIds, vector);
  const dominantShare = groups[0]?.share ?? 0;
  const support = vector.ratedFamilies / (vector.ratedFamilies + 2);
  return {
    storyId: facts.id,
    outletIds,
    breadth: facts.breadth,
    score: round6((dominantShare * vector.ratedFamilies) / (vector.ratedFamilies + 2)),
    components: {
      dominantShare,
      ratedFamilies: vector.ratedFamilies,
      support: round6(support),
      breadth: facts.breadth,
    },
    reason: 'blindspot',
    groups,
  };
}
