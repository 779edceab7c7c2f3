import { dot } from '@newsloom/text';
import type { ResolvedOptions } from './options';
import type { Selected } from './select';

/** Sentences this similar to a section's first sentence do not open a section of their own. */
const SAME_TOPIC = 0.12;

/** How many sections a summary of `count` sentences gets: 1 when tiny, else 2–maxSections. */
function sectionCount(count: number, options: ResolvedOptions): number {
  if (count <= 2) return 1;
  return Math.max(2, Math.min(options.maxSections, Math.ceil(count / 3)));
}

/**
 * Groups chosen sentences into sub-topic sections: the highest-ranked sentences that are unlike
 * each other open sections; every other sentence joins the most similar open section with room
 * (or, failing that, any section with room). Sections keep rank order, so the most important
 * sub-topic comes first.
 */
export function groupSections(
  selected: readonly Selected[],
  options: ResolvedOptions,
): Selected[][] {
  const target = sectionCount(selected.length, options);
  const groups: Selected[][] = [];
  const rest: Selected[] = [];
  for (const item of selected) {
    const similar = groups.some(
      (g) => g[0] && dot(g[0].candidate.vector, item.candidate.vector) >= SAME_TOPIC,
    );
    if (groups.length < target && !similar && !item.candidate.dependent) groups.push([item]);
    else rest.push(item);
  }
  // Too few distinct sub-topics: the best remaining sentences open the missing sections.
  for (const item of [...rest]) {
    if (groups.length >= target) break;
    if (item.candidate.dependent) continue;
    groups.push([item]);
    rest.splice(rest.indexOf(item), 1);
  }
  for (const item of rest) groupFor(item, groups, options.maxSentencesPerSection)?.push(item);
  return groups.map(orderWithinSection);
}

/**
 * The section a sentence joins: a dependent sentence (opening with a pronoun) joins the one
 * holding the sentence before it, or none when that is full; others join the most similar
 * section with room.
 */
function groupFor(item: Selected, groups: Selected[][], capacity: number): Selected[] | undefined {
  const open = groups.filter((g) => g.length < capacity);
  const { member, position } = item.candidate;
  if (item.candidate.dependent) {
    return open.find((g) =>
      g.some((s) => s.candidate.member === member && s.candidate.position === position - 1),
    );
  }
  let best: Selected[] | undefined;
  let bestSim = Number.NEGATIVE_INFINITY;
  for (const group of open) {
    const sim = Math.max(...group.map((s) => dot(s.candidate.vector, item.candidate.vector)));
    if (sim > bestSim) {
      bestSim = sim;
      best = group;
    }
  }
  return best;
}

/** Rank order of each article's best sentence; one article's sentences together, in source order. */
function orderWithinSection(group: Selected[]): Selected[] {
  const lead = new Map<number, number>();
  for (const s of group)
    lead.set(s.candidate.member, Math.min(lead.get(s.candidate.member) ?? s.rank, s.rank));
  const key = (s: Selected): number => lead.get(s.candidate.member) ?? s.rank;
  return [...group].sort((a, b) => key(a) - key(b) || a.candidate.position - b.candidate.position);
}
