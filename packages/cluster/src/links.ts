import { termTopPositions } from '@newsloom/text';
import type { Candidate } from './candidates';
import type { ResolvedClusterOptions } from './options';
import { sortInPlace } from './small-sort';
import type { Vocabularies } from './story-index';
import { MAX_RELATED, type StoryState } from './story-state';

// Salient terms of a story: its 8 heaviest body terms (its key terms) and 5 heaviest entities,
// as term ids (body ids even, entity ids odd: the two vocabularies number their terms apart), all
// distinct. An array, not a set: 13 entries at most, looked up a few times.
function salientTerms(story: StoryState, v: Vocabularies): number[] {
  const out: number[] = [];
  const { body, entities } = story.sums;
  for (const p of termTopPositions(body, 8, v.body)) out.push(2 * (body.ids[p] as number));
  for (const p of termTopPositions(entities, 5, v.entities)) {
    out.push(2 * (entities.ids[p] as number) + 1);
  }
  return out;
}

// Two stories are related only when they share at least two salient terms: one shared word
// ("Biden", "court") links most of a day's news; measured on the dev sets, link precision 0.85
// with one, 0.92 with two (allsides-2021-dev).
function sharesSalient(a: readonly number[], b: StoryState, v: Vocabularies): boolean {
  let shared = 0;
  for (const term of salientTerms(b, v)) if (a.includes(term)) shared += 1;
  return shared >= 2;
}

/**
 * Links a new story to lexically close active stories (storyline parent, related ids): at most 5,
 * closest first, each with similarity ≥ `relatedThreshold` (before time decay) and two shared
 * salient terms (among the 8 key terms and 5 main entities of each); an older story takes a link
 * back while it has fewer than {@link MAX_RELATED}.
 */
export function linkRelated(
  story: StoryState,
  candidates: Candidate[],
  o: ResolvedClusterOptions,
  v: Vocabularies,
): void {
  const mine = salientTerms(story, v);
  const related = sortInPlace(
    candidates.filter((c) => c.lexical >= o.relatedThreshold && sharesSalient(mine, c.story, v)),
    (a, b) => b.lexical - a.lexical || (a.story.id < b.story.id ? -1 : 1),
  ).slice(0, 5);
  const top = related[0];
  if (top) story.parentId = top.story.parentId ?? top.story.id;
  for (const c of related) {
    story.relatedIds.push(c.story.id);
    if (c.story.relatedIds.length < MAX_RELATED) c.story.relatedIds.push(story.id);
  }
}

/**
 * A group split off a story stays on its storyline (parent, related both ways) only when the two
 * share salient terms (as in linkRelated): otherwise the split undid a wrong join and the groups
 * are not related. Called after both were rebuilt.
 */
export function linkSplit(story: StoryState, child: StoryState, v: Vocabularies): void {
  if (!sharesSalient(salientTerms(story, v), child, v)) return;
  child.parentId = story.parentId ?? story.id;
  child.relatedIds.push(story.id);
  if (story.relatedIds.length < MAX_RELATED) story.relatedIds.push(child.id);
}
