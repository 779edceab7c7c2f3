import { type Article, NewsloomError, type Story } from '@newsloom/core';
import { type Candidate, findCandidates } from './candidates';
import { borderlineMatch, embedArticle } from './embedding';
import { type ArticleFeatures, articleFeatures } from './features';
import { linkRelated } from './links';
import { join, mergeBridged, regroup, sweep } from './maintenance';
import { type ClusterOptions, type ResolvedClusterOptions, resolveClusterOptions } from './options';
import { type ClustererSnapshot, readSnapshot, writeSnapshot } from './snapshot';
import { finalizeStory } from './split';
import { type ClustererState, emptyState, referencedTerms } from './state';
import { createStoryState } from './story-state';
import { type AddOptions, type AddResult, type UnplacedArticle, unplacedReason } from './unplaced';

/** An incremental story clusterer; see {@link createClusterer}. */
export interface Clusterer {
  /**
   * Adds articles (sorted by publication time, then id, within the call). Articles already held
   * by an active story are skipped (they are placed). Every other article is placed in a story
   * or listed in the result's `unplaced` with a reason: `too-late` (published more than the
   * active window before the newest article seen: its stories are closed and out of the
   * snapshot), `future` (more than `futureToleranceHours` after `options.now`), `before-epoch`
   * or `invalid` (no parsable `publishedAt`). An unplaced article changes nothing: not the
   * stories, the vocabulary nor the stream time.
   */
  add(articles: readonly Article[], options?: AddOptions): AddResult;
  /**
   * The active stories and those closed since this clusterer was created or restored (unless
   * `keepClosed` is false), sorted by creation time, then id.
   */
  stories(): Story[];
  /**
   * The active window as plain JSON, to persist and {@link Clusterer.restore} later: active
   * stories, vocabulary and stream time, never the closed stories (take those from
   * `onStoryClosed` or `stories()` and store them), so its size does not grow with the archive.
   */
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
    add(articles, options = {}) {
      const sorted = [...articles].sort(
        (a, b) =>
          a.publishedAt.localeCompare(b.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      const now = checkNow(options.now);
      const unplaced: UnplacedArticle[] = [];
      for (const article of sorted) {
        const missed = addArticle(state, article, o, now);
        if (missed) {
          unplaced.push(missed);
          o.onUnplaced?.(missed);
        }
      }
      return { unplaced };
    },
    stories() {
      const all = state.closed.concat(
        [...state.active.values()].flatMap((s) =>
          finalizeStory(s, o.splitThreshold, state.vocabularies.body),
        ),
      );
      return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
    },
    snapshot: () => writeSnapshot(state),
    restore(snapshot) {
      state = readSnapshot(snapshot);
    },
  };
}

function checkNow(now: AddOptions['now']): number | undefined {
  if (now === undefined) return undefined;
  const ms = Number(now);
  if (!Number.isFinite(ms)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `add's now must be a valid Date or epoch ms, got ${String(now)}`,
    );
  }
  return ms;
}

// Places one article, or returns why it cannot (then nothing changes).
function addArticle(
  state: ClustererState,
  article: Article,
  o: ResolvedClusterOptions,
  now: number | undefined,
): UnplacedArticle | undefined {
  if (state.memberOf.has(article.id)) return undefined;
  const time = Date.parse(article.publishedAt);
  const bounds = {
    streamTime: state.streamTime,
    activeWindowMs: o.activeWindowMs,
    futureToleranceMs: o.futureToleranceMs,
    now,
  };
  const missed = unplacedReason(article, time, bounds);
  if (missed) return missed;
  state.streamTime = Math.max(state.streamTime, time);
  const features = articleFeatures(article, time, state.models, o.bodyTokens, o.bigrams);
  const embedding = embedArticle(article, o);
  if (embedding) features.embedding = embedding;
  pruneVocabulary(state, features);
  sweep(state, features.time, o);
  const candidates = findCandidates(state, features, o);
  const first = candidates[0];
  const best =
    first && joins(first, candidates[1]?.score ?? 0, o)
      ? first
      : borderlineMatch(candidates, features.embedding, o);
  if (best) {
    join(state, best.story, features, o);
    regroup(state, best.story, features.time, o);
    mergeBridged(state, best, candidates, features.time, o);
  } else {
    const story = createStoryState(features);
    join(state, story, features, o);
    state.active.set(story.id, story);
    linkRelated(story, candidates, o, state.vocabularies);
  }
  return undefined;
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

function pruneVocabulary(state: ClustererState, current: ArticleFeatures): void {
  if (state.models.words.documentCount % PRUNE_EVERY !== 0) return;
  const { words, entities } = referencedTerms(state, current);
  state.models.words.prune(2, (id) => words.has(id));
  state.models.entities.prune(2, (id) => entities.has(id));
}
