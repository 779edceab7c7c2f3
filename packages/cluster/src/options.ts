import { type Embedder, NewsloomError, type Story } from '@newsloom/core';
import type { UnplacedArticle } from './unplaced';

/** Options of {@link createClusterer} and {@link clusterArticles}; every field has a default. */
export interface ClusterOptions {
  /**
   * Minimum similarity (0–1, after time decay) for an article to join a story. Default 0.07:
   * generous, because regrouping (see `regroupThreshold`) splits off what does not hold together.
   */
  threshold?: number;
  /**
   * A clear match joins below `threshold`: a best story that is lexically related (similarity
   * before time decay ≥ `relatedThreshold`) and scores at least this and at least
   * `clearMatchRatio` times the runner-up — a follow-up days after its story, whose score the
   * time decay has cut, when nothing else comes close. Default 0.03; 1 turns it off.
   */
  clearMatchThreshold?: number;
  /** How many times the runner-up's score a clear match must reach. Default 4 (at least 1). */
  clearMatchRatio?: number;
  /** Weights of title, body and entity cosine similarity; they are normalised. Default 0.35/0.5/0.15. */
  weights?: { title?: number; body?: number; entities?: number };
  /** Time decay: Gaussian with this σ in hours on |article time − story mean time|. Default 36. */
  timeScaleHours?: number;
  /** A story stops taking articles this long after its latest one. Default 96 hours (4 days). */
  activeWindowHours?: number;
  /** Two candidate stories of one article merge when their own similarity reaches this. Default 0.5. */
  mergeThreshold?: number;
  /** Lexical similarity (before time decay) that links a new story to an older one as related. Default 0.2. */
  relatedThreshold?: number;
  /**
   * Share of average link in the story similarity: 0 scores an article by cosine to the story
   * centroid, 1 by its mean cosine to the members (stricter on spread-out stories). Default 1.
   */
  averageLink?: number;
  /**
   * When a story is output, members linked by no chain of body cosine ≥ this split off as their
   * own stories (history `split`, `parentId` the storyline). Default 0 (off); 0.1 is a sensible value.
   */
  splitThreshold?: number;
  /**
   * When a story grows to 4, 5, 6, 7, 8, 10, 12, 16, 24 or 32 members, its members are regrouped by
   * average link on their pairwise similarity (weighted title, body and entity cosine × time
   * decay); groups whose mean link to the rest is below this split off as new active stories
   * (history `split`, `parentId` the storyline), so a next-day story on the same subject stops
   * growing inside the first one. 0 turns it off. Default 0.18, well above the join threshold:
   * articles join generously one by one, and a story keeps only what holds together on average.
   */
  regroupThreshold?: number;
  /** Max SimHash bit distance for two articles to be near-duplicates. Default 6. */
  duplicateBits?: number;
  /** Word tokens of summary + text used for the body vector (the lead carries the event). Default 250. */
  bodyTokens?: number;
  /** Add adjacent word pairs to the title and body vectors. Default false (it lowered B-cubed F1 on both dev sets). */
  bigrams?: boolean;
  /** Terms kept in each story profile vector. Default 64. */
  profileTerms?: number;
  /** Keep closed (retired) stories in memory for `stories()`. Default true; false with `onStoryClosed` streams them out. */
  keepClosed?: boolean;
  /** Called once with each story as it leaves the active window. */
  onStoryClosed?: (story: Story) => void;
  /**
   * With a `now` passed to `add`, an article published more than this many hours after it is
   * not placed (reason `future`) and does not move the stream time. Default 24.
   */
  futureToleranceHours?: number;
  /**
   * Called with each article the clusterer does not place (also listed in `add`'s result);
   * the way to see them from {@link clusterArticles}.
   */
  onUnplaced?: (unplaced: UnplacedArticle) => void;
  /**
   * An optional {@link Embedder} (e.g. `@newsloom/embed-words`), asked about borderline pairs
   * only: an article whose best lexical score is below `threshold` but at least `embeddingBand`
   * × `threshold` joins the candidate whose members' embeddings are closest on average, when
   * that mean cosine reaches `embeddingThreshold`. Default none (lexical only).
   */
  embedder?: Embedder;
  /** Mean embedding cosine for a borderline join. Default 0.8. */
  embeddingThreshold?: number;
  /** Share of `threshold` a lexical score must reach to be borderline. Default 0.5. */
  embeddingBand?: number;
}

/** {@link ClusterOptions} with defaults applied. */
export interface ResolvedClusterOptions {
  threshold: number;
  clearMatchThreshold: number;
  clearMatchRatio: number;
  weights: { title: number; body: number; entities: number };
  timeScaleMs: number;
  activeWindowMs: number;
  mergeThreshold: number;
  relatedThreshold: number;
  duplicateBits: number;
  splitThreshold: number;
  regroupThreshold: number;
  averageLink: number;
  bodyTokens: number;
  profileTerms: number;
  bigrams: boolean;
  keepClosed: boolean;
  onStoryClosed: ((story: Story) => void) | undefined;
  futureToleranceMs: number;
  onUnplaced: ((unplaced: UnplacedArticle) => void) | undefined;
  embedder: Embedder | undefined;
  embeddingThreshold: number;
  embeddingBand: number;
}

const HOUR = 3_600_000;

/**
 * Applies defaults to clustering options and validates them.
 *
 * @example
 * ```ts
 * resolveClusterOptions({ threshold: 0.4 }).activeWindowMs; // 345600000
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` for a threshold outside 0–1 or a non-positive window.
 */
export function resolveClusterOptions(options: ClusterOptions = {}): ResolvedClusterOptions {
  const w = { title: 0.35, body: 0.5, entities: 0.15, ...options.weights };
  const total = w.title + w.body + w.entities;
  const resolved: ResolvedClusterOptions = {
    threshold: options.threshold ?? 0.07,
    clearMatchThreshold: options.clearMatchThreshold ?? 0.03,
    clearMatchRatio: options.clearMatchRatio ?? 4,
    weights: { title: w.title / total, body: w.body / total, entities: w.entities / total },
    timeScaleMs: (options.timeScaleHours ?? 36) * HOUR,
    activeWindowMs: (options.activeWindowHours ?? 96) * HOUR,
    mergeThreshold: options.mergeThreshold ?? 0.5,
    relatedThreshold: options.relatedThreshold ?? 0.2,
    duplicateBits: options.duplicateBits ?? 6,
    splitThreshold: options.splitThreshold ?? 0,
    regroupThreshold: options.regroupThreshold ?? 0.18,
    averageLink: options.averageLink ?? 1,
    bodyTokens: options.bodyTokens ?? 250,
    profileTerms: options.profileTerms ?? 64,
    bigrams: options.bigrams ?? false,
    keepClosed: options.keepClosed ?? true,
    onStoryClosed: options.onStoryClosed,
    futureToleranceMs: (options.futureToleranceHours ?? 24) * HOUR,
    onUnplaced: options.onUnplaced,
    embedder: options.embedder,
    embeddingThreshold: options.embeddingThreshold ?? 0.8,
    embeddingBand: options.embeddingBand ?? 0.5,
  };
  validate(resolved, total);
  return resolved;
}

function validate(o: ResolvedClusterOptions, weightTotal: number): void {
  const unit = (name: string, v: number): void => {
    if (!(v >= 0 && v <= 1))
      throw new NewsloomError(
        'INVALID_INPUT',
        `cluster option ${name} must be between 0 and 1, got ${v}`,
      );
  };
  unit('threshold', o.threshold);
  unit('clearMatchThreshold', o.clearMatchThreshold);
  if (!(o.clearMatchRatio >= 1)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `cluster option clearMatchRatio must be at least 1, got ${o.clearMatchRatio}`,
    );
  }
  unit('mergeThreshold', o.mergeThreshold);
  unit('relatedThreshold', o.relatedThreshold);
  unit('splitThreshold', o.splitThreshold);
  unit('regroupThreshold', o.regroupThreshold);
  unit('averageLink', o.averageLink);
  unit('embeddingThreshold', o.embeddingThreshold);
  unit('embeddingBand', o.embeddingBand);
  if (!(weightTotal > 0))
    throw new NewsloomError('INVALID_INPUT', 'cluster option weights must sum to more than 0');
  if (!(o.futureToleranceMs >= 0)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `cluster option futureToleranceHours must be 0 or more, got ${o.futureToleranceMs / HOUR}`,
    );
  }
  if (!(o.timeScaleMs > 0 && o.activeWindowMs > 0)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      'cluster options timeScaleHours and activeWindowHours must be positive',
    );
  }
}
