import type { Article, Story } from '@newsloom/core';
import { createTfIdfModel, dot, topTerms } from '@newsloom/text';
import { type ArticleFeatures, articleFeatures, type FeatureModels } from './features';
import { type ClusterOptions, type ResolvedClusterOptions, resolveClusterOptions } from './options';
import { type ClustererSnapshot, readSnapshot, writeSnapshot } from './snapshot';
import { finalizeStory } from './split';
import { FIELDS, type Field, StoryIndex } from './story-index';
import {
  addMember,
  createStoryState,
  meanTime,
  mergeStates,
  type StoryState,
  scaleOf,
} from './story-state';

/** An incremental story clusterer; see {@link createClusterer}. */
export interface Clusterer {
  /**
   * Adds articles (sorted by publication time, then id, within the call). Articles already held
   * by an active story are skipped, and so are late ones published more than the active window
   * before the newest article seen: their stories are closed and they cannot join them.
   */
  add(articles: readonly Article[]): void;
  /** All stories so far (closed and active), sorted by creation time, then id. */
  stories(): Story[];
  /** The whole state as plain JSON, to persist and {@link Clusterer.restore} later. */
  snapshot(): ClustererSnapshot;
  /** Replaces the state with a snapshot's. */
  restore(snapshot: ClustererSnapshot): void;
}

interface Candidate {
  story: StoryState;
  lexical: number;
  score: number;
}

const MAX_CANDIDATES = 64;

/** Internal mutable state of a clusterer. */
export interface ClustererState {
  models: FeatureModels;
  active: Map<string, StoryState>;
  /** Article id → id of the active story holding it. */
  memberOf: Map<string, string>;
  closed: Story[];
  index: StoryIndex;
  lastSweep: number;
  /** Publication time of the newest article seen. */
  streamTime: number;
}

/**
 * Creates an online story clusterer: each article, in time order, is scored against the active
 * stories that share its terms (an inverted index, not a scan), by title, body and entity
 * TF-IDF cosine times a Gaussian time decay, and joins the best story above the threshold or
 * starts a new one. Stories close after the active window, so memory stays flat on a stream.
 *
 * @example
 * ```ts
 * const clusterer = createClusterer({ activeWindowHours: 72 });
 * clusterer.add(todaysArticles);
 * const saved = JSON.stringify(clusterer.snapshot());
 * const next = createClusterer();
 * next.restore(JSON.parse(saved));
 * next.add(tomorrowsArticles);
 * next.stories();
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` for invalid options or a malformed snapshot.
 */
export function createClusterer(options: ClusterOptions = {}): Clusterer {
  const o = resolveClusterOptions(options);
  let state = emptyState();
  return {
    add(articles) {
      const sorted = [...articles].sort(
        (a, b) =>
          a.publishedAt.localeCompare(b.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      for (const article of sorted) addArticle(state, article, o);
    },
    stories() {
      const all = state.closed.concat(
        [...state.active.values()].flatMap((s) => finalizeStory(s, o.splitThreshold)),
      );
      return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
    },
    snapshot: () => writeSnapshot(state),
    restore(snapshot) {
      state = readSnapshot(snapshot);
    },
  };
}

/** A clusterer state with nothing in it. */
export function emptyState(): ClustererState {
  return {
    models: { words: createTfIdfModel(), entities: createTfIdfModel() },
    active: new Map(),
    memberOf: new Map(),
    closed: [],
    index: new StoryIndex(),
    lastSweep: Number.NEGATIVE_INFINITY,
    streamTime: Number.NEGATIVE_INFINITY,
  };
}

function addArticle(state: ClustererState, article: Article, o: ResolvedClusterOptions): void {
  if (state.memberOf.has(article.id)) return;
  const time = Date.parse(article.publishedAt);
  if (time < state.streamTime - o.activeWindowMs) return;
  state.streamTime = Math.max(state.streamTime, time);
  const features = articleFeatures(article, state.models, o.bodyTokens, o.bigrams);
  sweep(state, features.time, o);
  const candidates = findCandidates(state, features, o);
  const best = candidates[0];
  if (best && best.score >= o.threshold) {
    join(state, best.story, features, o);
    mergeBridged(state, best.story, candidates.slice(1), features.time, o);
  } else {
    const story = createStoryState(features);
    join(state, story, features, o);
    state.active.set(story.id, story);
    linkRelated(story, candidates, o);
  }
}

function findCandidates(
  state: ClustererState,
  f: ArticleFeatures,
  o: ResolvedClusterOptions,
): Candidate[] {
  const rough = new Map<StoryState, number>();
  for (const field of FIELDS) state.index.accumulate(field, f[field], o.weights[field], rough);
  const shortlist = [...rough]
    .sort((a, b) => b[1] - a[1] || (a[0].id < b[0].id ? -1 : 1))
    .slice(0, MAX_CANDIDATES);
  const out: Candidate[] = [];
  // The rough score is the exact score summed in posting order; it only filters, and the kept
  // candidates are rescored in a fixed order so a restored index gives identical results.
  const floor = Math.min(o.threshold, o.relatedThreshold) - 1e-6;
  for (const [story, rough] of shortlist) {
    if (rough < floor || story.updatedAt < f.time - o.activeWindowMs) continue;
    let lexical = 0;
    for (const field of FIELDS) {
      lexical += o.weights[field] * story.scales[field] * dot(f[field], story.sums[field]);
    }
    out.push({
      story,
      lexical,
      score: lexical * timeDecay(f.time - meanTime(story), o.timeScaleMs),
    });
  }
  return out.sort(
    (a, b) =>
      b.score - a.score ||
      a.story.createdAt - b.story.createdAt ||
      (a.story.id < b.story.id ? -1 : 1),
  );
}

function timeDecay(deltaMs: number, scaleMs: number): number {
  const x = deltaMs / scaleMs;
  return Math.exp(-0.5 * x * x);
}

function join(
  state: ClustererState,
  story: StoryState,
  f: ArticleFeatures,
  o: ResolvedClusterOptions,
): void {
  addMember(story, f, o.duplicateBits);
  state.memberOf.set(f.id, story.id);
  for (const field of FIELDS) syncField(state, story, field, f[field].keys(), o);
}

// Updates the postings of the changed terms, prunes a sum grown past 3k terms to its k heaviest,
// and recomputes the field's scale.
function syncField(
  state: ClustererState,
  story: StoryState,
  field: Field,
  changed: Iterable<string>,
  o: ResolvedClusterOptions,
): void {
  const sum = story.sums[field];
  for (const term of changed) state.index.set(field, story, term, sum.get(term) ?? 0);
  if (sum.size > 3 * o.profileTerms) {
    const kept = new Map(topTerms(sum, o.profileTerms));
    state.index.remove(
      field,
      story,
      [...sum.keys()].filter((t) => !kept.has(t)),
    );
    story.sums[field] = kept;
  }
  story.scales[field] = scaleOf(story.sums[field], story.members.length, o.averageLink);
}

function storySimilarity(a: StoryState, b: StoryState, o: ResolvedClusterOptions): number {
  let lexical = 0;
  for (const field of FIELDS) {
    lexical +=
      o.weights[field] * a.scales[field] * b.scales[field] * dot(a.sums[field], b.sums[field]);
  }
  return lexical * timeDecay(meanTime(a) - meanTime(b), o.timeScaleMs);
}

function mergeBridged(
  state: ClustererState,
  joined: StoryState,
  others: Candidate[],
  at: number,
  o: ResolvedClusterOptions,
): void {
  let survivor = joined;
  for (const other of others) {
    if (other.score < o.threshold || !state.active.has(other.story.id)) continue;
    if (storySimilarity(survivor, other.story, o) < o.mergeThreshold) continue;
    const older = isOlder(other.story, survivor) ? other.story : survivor;
    const loser = older === survivor ? other.story : survivor;
    for (const field of FIELDS) state.index.remove(field, loser, loser.sums[field].keys());
    state.active.delete(loser.id);
    mergeStates(older, loser, at);
    for (const m of loser.members) state.memberOf.set(m.id, older.id);
    for (const field of FIELDS) syncField(state, older, field, [...older.sums[field].keys()], o);
    survivor = older;
  }
}

function isOlder(a: StoryState, b: StoryState): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

function linkRelated(story: StoryState, candidates: Candidate[], o: ResolvedClusterOptions): void {
  const related = candidates
    .filter((c) => c.lexical >= o.relatedThreshold)
    .sort((a, b) => b.lexical - a.lexical || (a.story.id < b.story.id ? -1 : 1))
    .slice(0, 5);
  const top = related[0];
  if (top) story.parentId = top.story.parentId ?? top.story.id;
  for (const c of related) {
    story.relatedIds.push(c.story.id);
    c.story.relatedIds.push(story.id);
  }
}

function sweep(state: ClustererState, now: number, o: ResolvedClusterOptions): void {
  if (now < state.lastSweep + o.activeWindowMs / 4) return;
  state.lastSweep = now;
  for (const story of [...state.active.values()]) {
    if (story.updatedAt >= now - o.activeWindowMs) continue;
    for (const field of FIELDS) state.index.remove(field, story, story.sums[field].keys());
    state.active.delete(story.id);
    for (const m of story.members) state.memberOf.delete(m.id);
    for (const closed of finalizeStory(story, o.splitThreshold)) {
      o.onStoryClosed?.(closed);
      if (o.keepClosed) state.closed.push(closed);
    }
  }
}
