import { type TermVocabulary, termDot } from '@newsloom/text';
import { type Candidate, timeDecay } from './candidates';
import type { ArticleFeatures } from './features';
import { linkSplit } from './links';
import type { ResolvedClusterOptions } from './options';
import { averageLinkGroups, finalizeStory, renumber } from './split';
import type { ClustererState } from './state';
import { FIELDS, type Field, perField } from './story-index';
import {
  addMember,
  createStoryState,
  type Member,
  meanTime,
  mergeStates,
  type StoryState,
  scaleOf,
} from './story-state';
import { addInto, emptySum, markPositions, positionIn, type TermSum, topOf } from './term-sum';

/** Adds an article to a story and updates the index. */
export function join(
  state: ClustererState,
  story: StoryState,
  f: ArticleFeatures,
  o: ResolvedClusterOptions,
): void {
  for (const field of FIELDS) state.index.addInto(field, story, story.sums[field], f[field]);
  addMember(story, f, o.duplicateBits);
  state.memberOf.set(f.id, story.id);
  for (const field of FIELDS) settleField(state, story, field, o);
}

// Prunes a sum grown past 3k terms to its k heaviest (dropping the others' postings, moving the
// kept ones') and recomputes the field's scale. The postings of the sum's terms must be current.
function settleField(
  state: ClustererState,
  story: StoryState,
  field: Field,
  o: ResolvedClusterOptions,
): void {
  const sum = story.sums[field];
  const kept = profileOf(sum, o, state.vocabularies[field]);
  if (kept !== sum) {
    markPositions(kept);
    for (let p = 0; p < sum.ids.length; p++) {
      const term = sum.ids[p] as number;
      if (positionIn(term) < 0) state.index.removeTerm(field, story, term);
    }
    story.sums[field] = kept;
    // The kept terms moved: postings say where a term sits in the sum.
    for (let p = 0; p < kept.ids.length; p++)
      state.index.set(field, story, kept.ids[p] as number, p);
  }
  story.scales[field] = scaleOf(kept, story.members.length, o.averageLink);
}

// Posts a recomputed sum: prunes it as settleField does, drops the postings of the terms in
// `posted` (the terms the story had posted) that it no longer has, sets the others, and
// recomputes the field's scale. The order of a posting list does not matter (see findCandidates).
function repostField(
  state: ClustererState,
  story: StoryState,
  field: Field,
  posted: TermSum,
  o: ResolvedClusterOptions,
): void {
  const sum = profileOf(story.sums[field], o, state.vocabularies[field]);
  story.sums[field] = sum;
  markPositions(sum);
  for (let p = 0; p < posted.ids.length; p++) {
    const term = posted.ids[p] as number;
    if (positionIn(term) < 0) state.index.removeTerm(field, story, term);
  }
  for (let p = 0; p < sum.ids.length; p++) {
    state.index.set(field, story, sum.ids[p] as number, p);
  }
  story.scales[field] = scaleOf(sum, story.members.length, o.averageLink);
}

// The profile rule: a sum grown past 3 × profileTerms keeps only its profileTerms heaviest
// terms (a new sum); a smaller one is returned as it is.
function profileOf(sum: TermSum, o: ResolvedClusterOptions, vocabulary: TermVocabulary): TermSum {
  return sum.ids.length > 3 * o.profileTerms ? topOf(sum, o.profileTerms, vocabulary) : sum;
}

function storySimilarity(a: StoryState, b: StoryState, o: ResolvedClusterOptions): number {
  let lexical = 0;
  for (const field of FIELDS) {
    lexical +=
      o.weights[field] * a.scales[field] * b.scales[field] * termDot(a.sums[field], b.sums[field]);
  }
  return lexical * timeDecay(meanTime(a) - meanTime(b), o.timeScaleMs);
}

/**
 * Merges the other candidate stories (all of `candidates` but `joined`) that the joined one now
 * matches (older id survives).
 */
export function mergeBridged(
  state: ClustererState,
  joined: Candidate,
  candidates: Candidate[],
  at: number,
  o: ResolvedClusterOptions,
): void {
  let survivor = joined.story;
  for (const other of candidates) {
    if (other === joined) continue;
    if (other.score < o.threshold || !state.active.has(other.story.id)) continue;
    if (storySimilarity(survivor, other.story, o) < o.mergeThreshold) continue;
    const older = isOlder(other.story, survivor) ? other.story : survivor;
    const loser = older === survivor ? other.story : survivor;
    for (const field of FIELDS) state.index.remove(field, loser, loser.sums[field].ids);
    state.active.delete(loser.id);
    mergeStates(older, loser, at);
    for (const m of loser.members) state.memberOf.set(m.id, older.id);
    for (const field of FIELDS) repostField(state, older, field, older.sums[field], o);
    survivor = older;
  }
}

function isOlder(a: StoryState, b: StoryState): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Closes stories idle for longer than the active window. */
export function sweep(state: ClustererState, now: number, o: ResolvedClusterOptions): void {
  if (now < state.lastSweep + o.activeWindowMs / 4) return;
  state.lastSweep = now;
  for (const story of [...state.active.values()]) {
    if (story.updatedAt >= now - o.activeWindowMs) continue;
    for (const field of FIELDS) state.index.remove(field, story, story.sums[field].ids);
    state.active.delete(story.id);
    for (const m of story.members) state.memberOf.delete(m.id);
    for (const closed of finalizeStory(story, o.splitThreshold, state.vocabularies.body)) {
      o.onStoryClosed?.(closed);
      if (o.keepClosed) state.closed.push(closed);
    }
  }
}

// Sizes at which a story is regrouped: at every size from 4 to 8, while a wrong join still decides
// what joins next, then at growing steps so the cost per article stays bounded. Not at 3: two
// articles and a third cannot tell "two groups" from "one group and a looser member" (a comment
// on the news), and on both dev sets regrouping at 3 split off far more right members than wrong.
const REGROUP_SIZES = new Set([4, 5, 6, 7, 8, 10, 12, 16, 24, 32]);

/**
 * Regroups a story that just reached one of {@link REGROUP_SIZES} members: members are clustered
 * by average link on body cosine × time decay; the group of the first member keeps the story and
 * its id, every other group becomes a new active story (history `split`, the parent `spawned`).
 */
export function regroup(
  state: ClustererState,
  story: StoryState,
  at: number,
  o: ResolvedClusterOptions,
): void {
  if (o.regroupThreshold <= 0 || !REGROUP_SIZES.has(story.members.length)) return;
  const groups = averageLinkGroups(story.members, o.regroupThreshold, o.timeScaleMs, o.weights);
  if (groups.length < 2) return;
  const [kept, ...rest] = groups.map((g) => renumber(story.members, g));
  const children: StoryState[] = [];
  for (const members of rest) {
    const seed = members[0] as Member;
    const child = createStoryState({ id: seed.id, time: seed.time });
    if (state.active.has(child.id) || child.id === story.id) return; // id taken: keep the story whole
    child.history = [
      {
        type: 'split',
        at: new Date(at).toISOString(),
        other: story.id,
        articleIds: members.map((m) => m.id),
      },
    ];
    child.members = members;
    children.push(child);
  }
  story.members = kept ?? [];
  for (const s of [story, ...children]) {
    const posted = s.sums;
    rebuild(s);
    if (s !== story) {
      state.active.set(s.id, s);
      linkSplit(story, s, state.vocabularies);
      story.history.push({
        type: 'spawned',
        at: new Date(at).toISOString(),
        other: s.id,
        articleIds: s.members.map((m) => m.id),
      });
    }
    for (const m of s.members) state.memberOf.set(m.id, s.id);
    for (const field of FIELDS) repostField(state, s, field, posted[field], o);
  }
}

// Recomputes a story's sums and times from its members.
function rebuild(story: StoryState): void {
  story.sums = perField(emptySum);
  story.timeSum = 0;
  story.createdAt = Number.POSITIVE_INFINITY;
  story.updatedAt = Number.NEGATIVE_INFINITY;
  for (const m of story.members) {
    for (const field of FIELDS) addInto(story.sums[field], m[field]);
    story.timeSum += m.time;
    story.createdAt = Math.min(story.createdAt, m.time);
    story.updatedAt = Math.max(story.updatedAt, m.time);
  }
}
