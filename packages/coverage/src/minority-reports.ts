import type { MinorityReport } from '@newsloom/core';
import type { AttributeSplitter } from './group-shares';
import type { ResolvedOptions } from './options';
import type { StoryFacts } from './story-facts';
import { recencyOf, saturate } from './top-headlines';
import { compareStrings, round6 } from './util';

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
export function breadthCutoff(
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
  const substantive = stories.filter((s) => s.maxChars >= m.minChars);
  const cutoff = breadthCutoff(substantive, m);
  const low = substantive
    .filter((s) => s.breadth <= cutoff)
    .map((s) => lowBreadthReport(s, cutoff, ctx));
  const result = top(low, m.limit);
  for (const splitter of ctx.splitters) {
    const blind: MinorityReport[] = [];
    for (const facts of substantive) {
      const report = blindspotReport(facts, splitter, ctx);
      if (report) blind.push(report);
    }
    result.push(...top(blind, m.limit));
  }
  return result;
}

function top(reports: MinorityReport[], limit: number): MinorityReport[] {
  reports.sort((a, b) => b.score - a.score || compareStrings(a.storyId, b.storyId));
  return reports.slice(0, Math.min(limit, reports.length));
}

/** score = 0.5 × (1 / breadth) + 0.3 × recency + 0.2 × sizeScore. */
function lowBreadthReport(facts: StoryFacts, cutoff: number, ctx: MinorityContext): MinorityReport {
  const rarity = 1 / Math.max(1, facts.breadth);
  const recency = recencyOf(facts.lastMs, ctx.nowMs, ctx.options.top.halfLifeHours);
  const sizeScore = saturate(facts.distinctCount, ctx.options.top.sizeHalfSaturation);
  const report: MinorityReport = {
    storyId: facts.id,
    outletIds: facts.cells.map((c) => c.outletId),
    breadth: facts.breadth,
    score: round6(0.5 * rarity + 0.3 * recency + 0.2 * sizeScore),
    components: {
      breadth: facts.breadth,
      cutoff,
      rarity: round6(rarity),
      recency: round6(recency),
      sizeScore: round6(sizeScore),
      chars: facts.maxChars,
    },
    reason: 'low-breadth',
  };
  if (ctx.splitters.length > 0)
    report.groups = ctx.splitters.flatMap((s) => splitOf(facts, s).groups);
  return report;
}

/**
 * A blindspot: one group holds at least `blindspotShare` of the rated families, with at least
 * `minRatedFamilies` of them. score = dominantShare × ratedFamilies / (ratedFamilies + 2).
 */
function blindspotReport(
  facts: StoryFacts,
  splitter: AttributeSplitter,
  ctx: MinorityContext,
): MinorityReport | undefined {
  const m = ctx.options.minority;
  const split = splitOf(facts, splitter);
  const dominant = split.groups[0];
  if (!dominant || split.ratedFamilies < m.minRatedFamilies || dominant.share < m.blindspotShare)
    return undefined;
  const support = split.ratedFamilies / (split.ratedFamilies + 2);
  return {
    storyId: facts.id,
    outletIds: facts.cells.map((c) => c.outletId),
    breadth: facts.breadth,
    score: round6(dominant.share * support),
    components: {
      dominantShare: dominant.share,
      ratedFamilies: split.ratedFamilies,
      support: round6(support),
      breadth: facts.breadth,
    },
    reason: 'blindspot',
    groups: split.groups,
  };
}

function splitOf(facts: StoryFacts, splitter: AttributeSplitter) {
  return splitter.split(
    facts.cells.map((c) => c.outletId),
    facts.cellFamilies,
  );
}
