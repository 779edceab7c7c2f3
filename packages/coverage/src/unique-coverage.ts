import type { OutletId, OutletUniqueness, StoryId } from '@newsloom/core';
import type { StoryFacts } from './story-facts';
import { compareStrings, round6 } from './util';

interface Tally {
  storyCount: number;
  exclusives: StoryId[];
  firstReports: number;
  leadMinutes: number;
}

/**
 * Per outlet: exclusives (news stories no other outlet family covered), exclusivity
 * (exclusives / stories), first reports and mean lead time. First reports count on shared
 * stories only (two or more families): every outlet whose first article has the story's
 * earliest time is first; ties between families give each a lead of 0, else the lead is the
 * minutes until the first article of another family. `knownOutlets` appear even with no coverage.
 *
 * @param stories sorted by id, so exclusive ids come out sorted.
 */
export function uniqueCoverageByOutlet(
  stories: readonly StoryFacts[],
  knownOutlets: Iterable<OutletId>,
): OutletUniqueness[] {
  const tallies = new Map<OutletId, Tally>();
  const tally = (id: OutletId): Tally => {
    let t = tallies.get(id);
    if (t === undefined) {
      t = { storyCount: 0, exclusives: [], firstReports: 0, leadMinutes: 0 };
      tallies.set(id, t);
    }
    return t;
  };
  for (const id of knownOutlets) tally(id);
  for (const facts of stories) {
    for (const cell of facts.cells) {
      const t = tally(cell.outletId);
      t.storyCount += 1;
      if (facts.familyCount === 1 && facts.news) t.exclusives.push(facts.id);
    }
    if (facts.familyCount > 1) creditFirst(facts, tally);
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([outletId, t]) => ({
      outletId,
      exclusiveStoryIds: t.exclusives,
      storyCount: t.storyCount,
      exclusivity: t.storyCount === 0 ? 0 : round6(t.exclusives.length / t.storyCount),
      firstReports: t.firstReports,
      meanLeadMinutes: t.firstReports === 0 ? null : round6(t.leadMinutes / t.firstReports),
    }));
}

function creditFirst(facts: StoryFacts, tally: (id: OutletId) => Tally): void {
  const t0 = Math.min(...facts.cellFirstMs);
  const firstFamilies = new Set<string>();
  facts.cellFirstMs.forEach((ms, i) => {
    if (ms === t0) firstFamilies.add(facts.cellFamilies[i] as string);
  });
  let next = Infinity;
  facts.cellFirstMs.forEach((ms, i) => {
    if (!firstFamilies.has(facts.cellFamilies[i] as string) && ms < next) next = ms;
  });
  const lead = firstFamilies.size > 1 ? 0 : (next - t0) / 60_000;
  facts.cells.forEach((cell, i) => {
    if (facts.cellFirstMs[i] !== t0) return;
    const t = tally(cell.outletId);
    t.firstReports += 1;
    t.leadMinutes += lead;
  });
}
