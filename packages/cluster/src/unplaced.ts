import type { Article, ArticleId } from '@newsloom/core';

/**
 * Why the clusterer did not place an article:
 * - `too-late`: published more than the active window before the newest article seen, so the
 *   stories it could belong to are closed (they left the snapshot);
 * - `future`: published more than `futureToleranceHours` after the `now` the caller passed;
 * - `before-epoch`: published before 1970-01-01T00:00:00Z;
 * - `invalid`: `publishedAt` does not parse as a date.
 */
export type UnplacedReason = 'too-late' | 'future' | 'before-epoch' | 'invalid';

/** An article the clusterer did not place in any story, and why (see {@link UnplacedReason}). */
export interface UnplacedArticle {
  articleId: ArticleId;
  reason: UnplacedReason;
  /** One line for people: the article's date and the bound it crossed. */
  detail: string;
}

/** What one `Clusterer.add` call did. */
export interface AddResult {
  /** Articles not placed in any story, in the order they were considered (time, then id). */
  unplaced: UnplacedArticle[];
}

/** Per-call options of `Clusterer.add`. */
export interface AddOptions {
  /**
   * The caller's clock (a Date or epoch milliseconds). When given, an article published more than
   * `futureToleranceHours` after it is reported as `future` and never moves the stream time.
   * Without it the clusterer has no clock and checks no future dates.
   */
  now?: Date | number;
}

/** The bounds an article's publication time is checked against. */
export interface TimeBounds {
  streamTime: number;
  activeWindowMs: number;
  futureToleranceMs: number;
  now: number | undefined;
}

const iso = (t: number): string => new Date(t).toISOString();

/**
 * The reason an article with publication time `time` (NaN when it did not parse) cannot be
 * placed, or undefined when it can.
 */
export function unplacedReason(
  article: Article,
  time: number,
  b: TimeBounds,
): UnplacedArticle | undefined {
  const at = article.publishedAt;
  const out = (reason: UnplacedReason, detail: string): UnplacedArticle => ({
    articleId: article.id,
    reason,
    detail,
  });
  if (Number.isNaN(time)) return out('invalid', `publishedAt ${JSON.stringify(at)} is not a date`);
  if (time < 0) return out('before-epoch', `published ${at}, before 1970-01-01T00:00:00Z`);
  if (b.now !== undefined && time > b.now + b.futureToleranceMs) {
    const hours = b.futureToleranceMs / 3_600_000;
    return out('future', `published ${at}, more than ${hours} h after now (${iso(b.now)})`);
  }
  if (time < b.streamTime - b.activeWindowMs) {
    const hours = b.activeWindowMs / 3_600_000;
    return out(
      'too-late',
      `published ${at}, more than the ${hours} h active window before the newest article (${iso(b.streamTime)}); its stories are closed`,
    );
  }
  return undefined;
}
