import { type CoverageReport, NewsloomError, type StoryId } from '@newsloom/core';
import {
  type AnalysisContext,
  createFamilyOf,
  createSignatureStore,
  indexArticles,
  indexOutlets,
} from './context';
import { AttributeSplitter } from './group-shares';
import { findMinorityReports } from './minority-reports';
import { type AnalyzeCoverageOptions, resolveOptions } from './options';
import { computeStoryFacts, type StoryFacts } from './story-facts';
import { rankTopHeadlines } from './top-headlines';
import type { CoverageInput, CoverageStory } from './types';
import { uniqueCoverageByOutlet } from './unique-coverage';
import { compareStrings } from './util';
import { parseTime, resolveWindow } from './window';

/**
 * Analyses who covers what: the story × outlet matrix, breadth per story (outlet families and
 * syndicated copies counted once), top headlines, minority reports (low breadth and blindspots
 * of a user-named outlet attribute) and unique coverage by outlet. Pure and deterministic: no
 * clock (the reference time is `options.now`, else the latest article), and the result does not
 * depend on the order of the input arrays.
 *
 * @example
 * const report = analyzeCoverage({ articles, stories, outlets }, {
 *   window: { lastHours: 24 },
 *   minority: { attributes: ['lean'] },
 * })
 * report.topHeadlines[0] // { storyId, rank: 1, score, components: { breadth, velocity, recency, size, … } }
 * @throws {NewsloomError} `INVALID_INPUT` for a malformed option, time or input shape.
 */
export function analyzeCoverage(
  input: CoverageInput,
  options: AnalyzeCoverageOptions = {},
): CoverageReport {
  checkInput(input);
  const resolved = resolveOptions(options);
  const { articles, times, indexById } = indexArticles(input.articles);
  const optionNow = options.now === undefined ? undefined : parseTime(options.now, 'now');
  const window = resolveWindow(options.window, optionNow ?? maxOf(times, -Infinity, Infinity));
  const inWindow = new Uint8Array(times.length);
  times.forEach((t, i) => {
    inWindow[i] = t >= window.sinceMs && t <= window.untilMs ? 1 : 0;
  });
  const latest = maxOf(times, window.sinceMs, window.untilMs);
  const nowMs = optionNow ?? (Number.isFinite(latest) ? latest : 0);
  const outlets = indexOutlets(input.outlets ?? []);
  const ctx: AnalysisContext = {
    articles,
    times,
    indexById,
    inWindow,
    options: resolved,
    outlets,
    familyOf: createFamilyOf(outlets, resolved.familyBy),
    ...createSignatureStore(articles),
    nowMs,
  };
  const facts: StoryFacts[] = [];
  const stamp = new Int32Array(articles.length).fill(-1);
  mergeStories(input.stories).forEach((story, storyNumber) => {
    const f = computeStoryFacts(ctx, story, stamp, storyNumber);
    if (f) facts.push(f);
  });
  const splitters = resolved.minority.attributes.map(
    (name) => new AttributeSplitter(name, outlets, resolved.minority.attributeSource),
  );
  const report: CoverageReport = {
    window: {
      ...(window.since && { since: window.since }),
      ...(window.until && { until: window.until }),
    },
    topHeadlines: rankTopHeadlines(facts, nowMs, resolved.top),
    minorityReports: findMinorityReports(facts, { nowMs, options: resolved, splitters }),
    uniqueByOutlet: uniqueCoverageByOutlet(facts, outlets.keys()),
    matrix: facts.flatMap((f) => f.cells),
    breadth: Object.fromEntries(facts.map((f) => [f.id, f.breadth])),
  };
  if (Number.isFinite(latest) || optionNow !== undefined)
    report.now = new Date(nowMs).toISOString();
  return report;
}

/** Largest value within [lo, hi], or -Infinity. */
function maxOf(values: Float64Array, lo: number, hi: number): number {
  let best = -Infinity;
  for (const v of values) if (v >= lo && v <= hi && v > best) best = v;
  return best;
}

/** Stories sorted by id; an id given twice is one story with the union of both. */
function mergeStories(stories: readonly CoverageStory[]): CoverageStory[] {
  const byId = new Map<StoryId, CoverageStory>();
  for (const story of stories) {
    const seen = byId.get(story.id);
    byId.set(
      story.id,
      seen === undefined
        ? story
        : {
            id: story.id,
            articleIds: [...seen.articleIds, ...story.articleIds],
            duplicateGroups: [...(seen.duplicateGroups ?? []), ...(story.duplicateGroups ?? [])],
          },
    );
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

function checkInput(input: CoverageInput): void {
  const problems: string[] = (['articles', 'stories'] as const).filter(
    (key) => !Array.isArray(input?.[key]),
  );
  if (input?.outlets !== undefined && !Array.isArray(input.outlets)) problems.push('outlets');
  if (problems.length > 0) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `analyzeCoverage: ${problems.join(', ')} must be an array (pass { articles, stories, outlets? })`,
      { details: { fields: problems } },
    );
  }
}
