import { NewsloomError } from '@newsloom/core';
import { msOfHours } from './util';

/**
 * Which articles an analysis counts, by `publishedAt`; both ends inclusive.
 * - `{ since?, until? }`: any range (ISO 8601 UTC; either end open);
 * - `{ lastHours }`: the N hours up to the reference time `now`;
 * - `{ day: 'YYYY-MM-DD' }`: one UTC calendar day.
 *
 * @example
 * analyzeCoverage(input, { window: { day: '2021-04-22' } })
 * analyzeCoverage(input, { window: { since: '2021-04-22T00:00:00Z' } })
 */
export type CoverageWindow =
  | { since?: string; until?: string }
  | { lastHours: number }
  | { day: string };

/** A window resolved to epoch milliseconds (inclusive bounds) and the ISO strings reported. */
export interface ResolvedWindow {
  sinceMs: number;
  untilMs: number;
  since?: string;
  until?: string;
}

const COLON = 58;
const DASH = 45;

/**
 * Epoch ms of a canonical `YYYY-MM-DDTHH:MM:SS.sssZ` string, read digit by digit (about twice
 * as fast as `Date.parse`); anything else, or a day past the 28th, goes to `Date.parse`.
 */
export function parseIsoTime(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 || s.charCodeAt(10) !== 84) return Date.parse(s);
  if (
    s.charCodeAt(4) !== DASH ||
    s.charCodeAt(7) !== DASH ||
    s.charCodeAt(13) !== COLON ||
    s.charCodeAt(16) !== COLON ||
    s.charCodeAt(19) !== 46
  ) {
    return Date.parse(s);
  }
  let ok = true;
  const num = (from: number, to: number) => {
    let v = 0;
    for (let i = from; i < to; i += 1) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) ok = false;
      v = v * 10 + d;
    }
    return v;
  };
  const year = num(0, 4);
  const month = num(5, 7);
  const day = num(8, 10);
  const hour = num(11, 13);
  const minute = num(14, 16);
  const second = num(17, 19);
  const ms = num(20, 23);
  if (
    !ok ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return Date.parse(s);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** Parses an ISO 8601 time to epoch ms. @throws {NewsloomError} `INVALID_INPUT`. */
export function parseTime(value: string, what: string | (() => string)): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    const field = typeof what === 'string' ? what : what();
    throw new NewsloomError(
      'INVALID_INPUT',
      `analyzeCoverage: ${field} must be an ISO 8601 date-time such as 2021-04-22T14:00:00Z (got "${value}")`,
      { details: { field } },
    );
  }
  return ms;
}

/**
 * Resolves a window. `anchorMs` (the `now` option, else the latest article) anchors `lastHours`.
 * @throws {NewsloomError} `INVALID_INPUT` for malformed times, days or hours.
 */
export function resolveWindow(
  window: CoverageWindow | undefined,
  anchorMs: number,
): ResolvedWindow {
  if (window === undefined) return { sinceMs: -Infinity, untilMs: Infinity };
  if ('lastHours' in window) {
    if (!(window.lastHours > 0 && Number.isFinite(window.lastHours))) {
      throw new NewsloomError(
        'INVALID_INPUT',
        `analyzeCoverage: window.lastHours must be a positive number (got ${window.lastHours})`,
      );
    }
    if (!Number.isFinite(anchorMs)) return { sinceMs: -Infinity, untilMs: Infinity };
    return bounded(anchorMs - msOfHours(window.lastHours), anchorMs);
  }
  if ('day' in window) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(window.day)) {
      throw new NewsloomError(
        'INVALID_INPUT',
        `analyzeCoverage: window.day must look like 2021-04-22 (got "${window.day}")`,
      );
    }
    const start = parseTime(`${window.day}T00:00:00Z`, 'window.day');
    return bounded(start, start + 86_400_000 - 1);
  }
  const sinceMs = window.since === undefined ? -Infinity : parseTime(window.since, 'window.since');
  const untilMs = window.until === undefined ? Infinity : parseTime(window.until, 'window.until');
  const resolved: ResolvedWindow = { sinceMs, untilMs };
  if (window.since !== undefined) resolved.since = new Date(sinceMs).toISOString();
  if (window.until !== undefined) resolved.until = new Date(untilMs).toISOString();
  return resolved;
}

function bounded(sinceMs: number, untilMs: number): ResolvedWindow {
  return {
    sinceMs,
    untilMs,
    since: new Date(sinceMs).toISOString(),
    until: new Date(untilMs).toISOString(),
  };
}
