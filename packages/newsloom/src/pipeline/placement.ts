import type { ArticleStore, QuarantineEntry } from '@newsloom/core';
import type { ArticleKey } from './new-articles';

/** Where the clusterer's stream stands and what the run's clock allows. */
export interface PlacementLimits {
  /** Publication time (ms) of the newest article the clusterer has seen, or null. */
  streamTime: number | null;
  activeWindowMs: number;
  /** The run's clock (ms). */
  now: number;
  /** How far after `now` an article may be dated and still be clustered. */
  futureToleranceMs: number;
}

/** The articles the clusterer can place, and the ones it cannot (with why). */
export interface Placement {
  admitted: ArticleKey[];
  quarantined: QuarantineEntry[];
}

const DAY = 86_400_000;
/** How far back a late article is looked up in the stories before it is quarantined. */
const PLACED_LOOKBACK_MS = 30 * DAY;

const iso = (time: number) => new Date(time).toISOString();

/**
 * Sorts new articles into those the clusterer can place and those it would skip: dated beyond
 * the tolerance after the run's clock (they would move its stream time and close every story),
 * before 1970, or more than the active window behind its stream time (their stories are closed).
 * A late article already in a story (an edit of a clustered article) is neither: it stays put.
 * @example const { admitted, quarantined } = await placeArticles(store, keys, limits)
 */
export async function placeArticles(
  store: ArticleStore,
  keys: readonly ArticleKey[],
  limits: PlacementLimits,
): Promise<Placement> {
  const at = iso(limits.now);
  const admitted: ArticleKey[] = [];
  const late: ArticleKey[] = [];
  const quarantined: QuarantineEntry[] = [];
  const quarantine = (key: ArticleKey, reason: QuarantineEntry['reason'], detail: string) =>
    quarantined.push({ articleId: key.id, reason, detail, at });
  const lateBefore =
    limits.streamTime === null
      ? Number.NEGATIVE_INFINITY
      : limits.streamTime - limits.activeWindowMs;
  for (const key of keys) {
    if (key.time > limits.now + limits.futureToleranceMs) {
      quarantine(
        key,
        'future',
        `published ${iso(key.time)}, after the run's clock ${at} plus the tolerance`,
      );
    } else if (key.time < 0) {
      quarantine(key, 'before-epoch', `published ${iso(key.time)}, before 1970`);
    } else if (key.time < lateBefore) {
      late.push(key);
    } else {
      admitted.push(key);
    }
  }
  const placed = await alreadyPlaced(store, late, lateBefore);
  for (const key of late) {
    if (placed.has(key.id)) continue;
    quarantine(
      key,
      'too-late',
      `published ${iso(key.time)}, more than the active window before the newest article clustered (${iso(lateBefore + limits.activeWindowMs)}); its story is closed`,
    );
  }
  return { admitted, quarantined };
}

/** The late articles that a story already holds (looked up among recent stories only). */
async function alreadyPlaced(
  store: ArticleStore,
  late: readonly ArticleKey[],
  lateBefore: number,
): Promise<Set<string>> {
  const recent = late.filter((key) => key.time >= lateBefore - PLACED_LOOKBACK_MS);
  if (recent.length === 0) return new Set();
  const since = recent.reduce((min, key) => Math.min(min, key.time), Number.POSITIVE_INFINITY);
  const wanted = new Set(recent.map((key) => key.id));
  const placed = new Set<string>();
  for (const story of await store.getStories({ updatedSince: iso(since) })) {
    for (const id of story.articleIds) if (wanted.has(id)) placed.add(id);
  }
  return placed;
}
