import { type Article, NewsloomError, type Story } from '@newsloom/core';
import { type Candidate, findCandidates } from './candidates';
import { articleFeatures } from './features';
import { join, linkRelated, mergeBridged, regroup, sweep } from './maintenance';
import { type ClusterOptions, type ResolvedClusterOptions, resolveClusterOptions } from './options';
import { type ClustererSnapshot, readSnapshot, writeSnapshot } from './snapshot';
import { finalizeStory } from './split';
import { type ClustererState, emptyState } from './state';
import { createStoryState } from './story-state';

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

function addArticle(state: ClustererState, article: Article, o: ResolvedClusterOptions): void {
  if (state.memberOf.has(article.id)) return;
  const time = Date.parse(article.publishedAt);
  if (Number.isNaN(time)) {
    throw new NewsloomError(
      'INVALID_ARTICLE',
      `article ${article.id} has no valid publishedAt; parse it with parseArticle`,
    );
  }
  if (time < state.streamTime - o.activeWindowMs) return;
  state.streamTime = Math.max(state.streamTime, time);
  const features = articleFeatures(article, time, state.models, o.bodyTokens, o.bigrams);
  pruneVocabulary(state);
  sweep(state, features.time, o);
  const candidates = findCandidates(state, features, o);
  const best = candidates[0];
  if (best && joins(best, candidates[1]?.score ?? 0, o)) {
    join(state, best.story, features, o);
    regroup(state, best.story, features.time, o);
    mergeBridged(state, best.story, candidates.slice(1), features.time, o);
  } else {
    const story = createStoryState(features);
    join(state, story, features, o);
    state.active.set(story.id, story);
    linkRelated(story, candidates, o);
  }
}

// The join-or-new decision: a score at the threshold, or a clear match (a ratio test, as in
// feature matching: a weak best match is trusted when nothing else comes close). A clear match
// must share real vocabulary (lexical ≥ relatedThreshold): without that gate, on a sparse mix of
// unrelated feeds, any faint overlap would be "clear" for lack of a runner-up.
function joins(best: Candidate, runnerUp: number, o: ResolvedClusterOptions): boolean {
  if (best.score >= o.threshold) return true;
  return (
    best.lexical >= o.relatedThreshold &&
    best.score >= o.clearMatchThreshold &&
    best.score >= o.clearMatchRatio * runnerUp
  );
}

// Every 100,000 articles, terms seen once are forgotten so the vocabulary of an endless stream
// stays bounded; keyed to the article count, so it happens at the same point in any replay.
const PRUNE_EVERY = 100_000;

function pruneVocabulary(state: ClustererState): void {
  if (state.models.words.documentCount % PRUNE_EVERY !== 0) return;
  state.models.words.prune(2);
  state.models.entities.prune(2);
}
