import { NewsloomError } from '@newsloom/core';
import type { CoverageWindow } from './window';

/**
 * How top headlines are scored. Every field has a documented default.
 * @example
 * analyzeCoverage(input, { topHeadlines: { halfLifeHours: 6, weights: { breadth: 0.6 } } })
 */
export interface TopHeadlineOptions {
  /** Entries returned. Default `50`; `Infinity` ranks every story. */
  limit?: number;
  /** Recent window for velocity, in hours before `now`. Default `6`. */
  velocityWindowHours?: number;
  /** Recency half-life in hours: a story last updated this long ago gets recency 0.5. Default `12`. */
  halfLifeHours?: number;
  /** Breadth at which the breadth score reaches 0.5 (`b / (b + k)`). Default `5`. */
  breadthHalfSaturation?: number;
  /** Velocity (articles/hour) at which the velocity score reaches 0.5. Default `1`. */
  velocityHalfSaturation?: number;
  /** Size (distinct articles) at which the size score reaches 0.5. Default `10`. */
  sizeHalfSaturation?: number;
  /**
   * Weights. `breadth`, `size` and `velocity` weigh the coverage score (their weighted mean);
   * `recency` (0–1) is the largest share of the score recency can take away from an old story.
   * Default `{ breadth: 0.55, size: 0.3, velocity: 0.15, recency: 0.25 }`.
   */
  weights?: Partial<HeadlineWeights>;
}

/**
 * Weights of the top-headline score.
 * @example
 * const weights: HeadlineWeights = { breadth: 0.55, velocity: 0.15, recency: 0.25, size: 0.3 }
 */
export interface HeadlineWeights {
  breadth: number;
  velocity: number;
  recency: number;
  size: number;
}

/**
 * How minority reports (low breadth and blindspots) are chosen.
 * @example
 * analyzeCoverage(input, { minority: { breadthPercentile: 0.1, attributes: ['lean', 'country'] } })
 */
export interface MinorityOptions {
  /** Entries returned per reason (and per attribute for blindspots). Default `50`. */
  limit?: number;
  /** A story is low-breadth when its breadth is at most this. Default `2`. */
  maxBreadth?: number;
  /**
   * When set (0–1), replaces `maxBreadth` by the breadth at this nearest-rank percentile of the
   * substantive stories' breadths, e.g. `0.1` for the lowest tenth.
   */
  breadthPercentile?: number;
  /** A story is substantive when its longest article (title + summary + text) has at least this many characters. Default `200`. */
  minChars?: number;
  /** Outlet attributes to look for blindspots in, e.g. `['lean']`. Default none. */
  attributes?: readonly string[];
  /** Only attribute ratings from this source count (e.g. `AllSides`). Default: any source, latest `asOf`. */
  attributeSource?: string;
  /** A story is a blindspot when one group has at least this share of its rated families. Default `0.75`. */
  blindspotShare?: number;
  /** …and at least this many rated outlet families covered it. Default `2`. */
  minRatedFamilies?: number;
  /**
   * Evidence a low-breadth story matters: at least this many distinct articles (a second
   * outlet, or a follow-up by the same outlet). Default `2`, so one article from one outlet is
   * never a low-breadth report (it can still be a blindspot of an outlet group).
   */
  minArticles?: number;
}

/**
 * Options of {@link analyzeCoverage}. Every field is optional; defaults are documented per field.
 *
 * @example
 * const options: AnalyzeCoverageOptions = {
 *   now: '2021-04-23T00:00:00Z',
 *   window: { lastHours: 24 },
 *   topHeadlines: { limit: 10, weights: { recency: 0.5 } },
 *   minority: { maxBreadth: 1, attributes: ['lean'], attributeSource: 'AllSides' },
 * }
 */
export interface AnalyzeCoverageOptions {
  /** Reference time (ISO 8601 UTC). Default: the latest `publishedAt` of the analysed articles. Never the clock. */
  now?: string;
  /** Which articles count: a range, the last N hours before `now`, or a UTC day. Default: all. */
  window?: CoverageWindow;
  /** Syndication source: `auto` (a story's `duplicateGroups`, else the text fingerprint), `groups`, `fingerprint`, `none`. Default `auto`. */
  syndication?: 'auto' | 'groups' | 'fingerprint' | 'none';
  /** Outlet family: `group` (Outlet.group, else the outlet) or `group-or-domain`. Default `group`. */
  familyBy?: 'group' | 'group-or-domain';
  topHeadlines?: TopHeadlineOptions;
  minority?: MinorityOptions;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  syndication: 'auto' | 'groups' | 'fingerprint' | 'none';
  familyBy: 'group' | 'group-or-domain';
  top: Required<Omit<TopHeadlineOptions, 'weights'>> & { weights: HeadlineWeights };
  minority: Required<Omit<MinorityOptions, 'breadthPercentile' | 'attributeSource'>> &
    Pick<MinorityOptions, 'breadthPercentile' | 'attributeSource'>;
}

const DEFAULT_WEIGHTS: HeadlineWeights = { breadth: 0.55, velocity: 0.15, recency: 0.25, size: 0.3 };

/** Fills defaults and checks ranges. @throws {NewsloomError} `INVALID_INPUT` naming the option. */
export function resolveOptions(options: AnalyzeCoverageOptions): ResolvedOptions {
  const t = options.topHeadlines ?? {};
  const m = options.minority ?? {};
  const resolved: ResolvedOptions = {
    syndication: options.syndication ?? 'auto',
    familyBy: options.familyBy ?? 'group',
    top: {
      limit: positive('topHeadlines.limit', t.limit ?? 50, true),
      velocityWindowHours: positive('topHeadlines.velocityWindowHours', t.velocityWindowHours ?? 6),
      halfLifeHours: positive('topHeadlines.halfLifeHours', t.halfLifeHours ?? 12),
      breadthHalfSaturation: positive(
        'topHeadlines.breadthHalfSaturation',
        t.breadthHalfSaturation ?? 5,
      ),
      velocityHalfSaturation: positive(
        'topHeadlines.velocityHalfSaturation',
        t.velocityHalfSaturation ?? 1,
      ),
      sizeHalfSaturation: positive('topHeadlines.sizeHalfSaturation', t.sizeHalfSaturation ?? 10),
      weights: { ...DEFAULT_WEIGHTS, ...t.weights },
    },
    minority: {
      limit: positive('minority.limit', m.limit ?? 50, true),
      maxBreadth: nonNegative('minority.maxBreadth', m.maxBreadth ?? 2),
      minChars: nonNegative('minority.minChars', m.minChars ?? 200),
      attributes: [...(m.attributes ?? [])],
      blindspotShare: fraction('minority.blindspotShare', m.blindspotShare ?? 0.75),
      minRatedFamilies: positive('minority.minRatedFamilies', m.minRatedFamilies ?? 2),
      minArticles: nonNegative('minority.minArticles', m.minArticles ?? 2),
    },
  };
  if (m.breadthPercentile !== undefined) {
    resolved.minority.breadthPercentile = fraction(
      'minority.breadthPercentile',
      m.breadthPercentile,
    );
  }
  if (m.attributeSource !== undefined) resolved.minority.attributeSource = m.attributeSource;
  for (const [name, weight] of Object.entries(resolved.top.weights)) {
    nonNegative(`topHeadlines.weights.${name}`, weight);
  }
  fraction('topHeadlines.weights.recency', resolved.top.weights.recency);
  return resolved;
}

function positive(name: string, value: number, allowInfinity = false): number {
  const ok = value > 0 && (Number.isFinite(value) || (allowInfinity && value === Infinity));
  if (!ok) throw invalidOption(name, value, 'a positive number');
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0 && Number.isFinite(value))) throw invalidOption(name, value, 'a number ≥ 0');
  return value;
}

function fraction(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw invalidOption(name, value, 'a number between 0 and 1');
  return value;
}

function invalidOption(name: string, value: unknown, expected: string): NewsloomError {
  return new NewsloomError(
    'INVALID_INPUT',
    `analyzeCoverage: option ${name} must be ${expected} (got ${String(value)})`,
    { details: { option: name } },
  );
}
