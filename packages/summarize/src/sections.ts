import { isStopword, stem } from '@newsloom/text';
import { dot } from './features';
import type { ResolvedOptions } from './options';
import type { Selected } from './select';

/** Sentences this similar to a section's first sentence join that section. */
const SAME_TOPIC = 0.12;

/** A group of chosen sentences about one sub-topic, in reading order. */
export interface SectionDraft {
  heading: string;
  items: Selected[];
}

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
  const capacity = options.maxSentencesPerSection;
  const groups: Selected[][] = [];
  const rest: Selected[] = [];
  for (const item of selected) {
    const similar = groups.some(
      (g) => g[0] && dot(g[0].candidate.vector, item.candidate.vector) >= SAME_TOPIC,
    );
    if (groups.length < target && !similar) groups.push([item]);
    else rest.push(item);
  }
  // Too few distinct sub-topics: the best remaining sentences open the missing sections.
  while (groups.length < target && rest.length > 0) groups.push([rest.shift() as Selected]);
  for (const item of rest) {
    const open = groups.filter((g) => g.length < capacity);
    let best: Selected[] | undefined;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (const group of open) {
      const sim = Math.max(...group.map((s) => dot(s.candidate.vector, item.candidate.vector)));
      if (sim > bestSim) {
        bestSim = sim;
        best = group;
      }
    }
    best?.push(item);
  }
  return groups.map(orderWithinSection);
}

/** Rank order, except sentences of one article keep their original order. */
function orderWithinSection(group: Selected[]): Selected[] {
  return [...group].sort((a, b) => {
    if (a.candidate.member === b.candidate.member)
      return a.candidate.position - b.candidate.position;
    return a.rank - b.rank;
  });
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Title-cases a phrase, keeping acronyms and short function words. */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) =>
      i > 0 && /^(?:a|an|the|of|in|on|to|for|and|or|at|by|with)$/i.test(w) ? w.toLowerCase() : w,
    )
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A short heading naming a section's sub-topic: the 2–5-word window of its lead sentence, not
 * crossing punctuation, whose content words weigh most in this section and least in the others.
 */
export function sectionHeading(
  group: readonly Selected[],
  all: readonly Selected[],
  used: Set<string>,
): string {
  const inside = new Map<string, number>();
  for (const s of group)
    for (const t of s.candidate.features.terms.keys()) inside.set(t, (inside.get(t) ?? 0) + 1);
  const outside = new Map<string, number>();
  for (const s of all) {
    if (group.includes(s)) continue;
    for (const t of s.candidate.features.terms.keys()) outside.set(t, (outside.get(t) ?? 0) + 1);
  }
  const weight = (word: string): number => {
    const lower = word.toLowerCase().replace(/[.’']s?$/u, '');
    if (isStopword(lower) || /^\d/.test(lower)) return -0.01;
    const t = stem(lower);
    return (
      (inside.get(t) ?? 0) + (/^\p{Lu}/u.test(word) ? 0.5 : 0) - 0.5 * (outside.get(t) ?? 0) + 0.3
    );
  };
  let best = { phrase: '', score: Number.NEGATIVE_INFINITY };
  for (const s of group) {
    for (const clause of s.candidate.text.split(/[,;:()"“”—–]|\s-\s/u)) {
      const words = [...clause.matchAll(WORD_RE)].map((m) => m[0].replace(/[.]$/u, ''));
      windows(
        words,
        (phrase, score) => {
          if (score > best.score && !used.has(phrase.toLowerCase())) best = { phrase, score };
        },
        weight,
      );
    }
    if (best.score > 0) break;
  }
  const heading = titleCase(best.phrase || 'Overview');
  used.add(heading.toLowerCase());
  return heading;
}

/** Calls `visit` for every 2–5-word window that starts and ends with a content word. */
function windows(
  words: string[],
  visit: (phrase: string, score: number) => void,
  weight: (w: string) => number,
): void {
  for (let i = 0; i < words.length; i += 1) {
    for (let len = 2; len <= 5 && i + len <= words.length; len += 1) {
      const span = words.slice(i, i + len);
      const first = span[0] ?? '';
      const last = span[span.length - 1] ?? '';
      if (weight(first) <= 0 || weight(last) <= 0) continue;
      const total = span.reduce((sum, w) => sum + weight(w), 0);
      visit(span.join(' '), total / Math.sqrt(len + 1));
    }
  }
}
