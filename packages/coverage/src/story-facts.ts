import type { ArticleId, CoverageCell, StoryId } from '@newsloom/core';
import { breadthOf, hasCopies, spansMany } from './breadth';
import { type AnalysisContext, storyMembers } from './context';
import { groupNearDuplicates } from './fingerprint';
import type { CoverageArticle, CoverageStory } from './types';
import { compareStrings, int32Of, msOfHours, range, UnionFind } from './util';

/** What one story contributes to every section of the report. */
export interface StoryFacts {
  id: StoryId;
  /** Cells sorted by outlet id. */
  cells: CoverageCell[];
  /** First-seen time of each cell, in ms (parallel to `cells`). */
  cellFirstMs: number[];
  /** Family of each cell (parallel to `cells`). */
  cellFamilies: string[];
  breadth: number;
  /** Distinct outlet families. */
  familyCount: number;
  articleCount: number;
  /** Articles with each syndicated group counted once. */
  distinctCount: number;
  /** Distinct articles published in the velocity window. */
  recentDistinct: number;
  firstMs: number;
  lastMs: number;
  /** Characters of the longest article (title + summary + text). */
  maxChars: number;
  /** True when at least one outlet of the story is news (not marked `news: false`). */
  news: boolean;
}

/** One story's members, in time order, with what per-article analysis needs. */
interface Members {
  articles: CoverageArticle[];
  times: number[];
  families: string[];
  /** Position of each member's syndication-group representative (itself when not a copy). */
  roots: Int32Array;
}

/**
 * Computes a story's facts, or undefined when none of its articles is known and in the window.
 * `stamp`/`storyNumber` are scratch space for {@link storyMembers}.
 */
export function computeStoryFacts(
  ctx: AnalysisContext,
  story: CoverageStory,
  stamp: Int32Array,
  storyNumber: number,
): StoryFacts | undefined {
  const indices = storyMembers(ctx, story.articleIds, stamp, storyNumber);
  if (indices.length === 0) return undefined;
  const articles = indices.map((m) => ctx.articles[m] as CoverageArticle);
  const m: Members = {
    articles,
    times: indices.map((i) => ctx.times[i] as number),
    families: articles.map((a) => ctx.familyOf(a.outletId)),
    roots: duplicateRoots(ctx, story, indices),
  };
  const { cells, cellFirstMs, cellFamilies } = buildCells(story.id, m);
  const familyCount = countDistinctStrings(cellFamilies);
  const { distinct, recent } = countDistinct(
    m,
    ctx.nowMs - msOfHours(ctx.options.top.velocityWindowHours),
    ctx.nowMs,
  );
  let maxChars = 0;
  for (const a of articles) maxChars = Math.max(maxChars, charsOf(a));
  return {
    id: story.id,
    cells,
    cellFirstMs,
    cellFamilies,
    breadth: breadthOf(m.families, m.roots, familyCount),
    familyCount,
    articleCount: indices.length,
    distinctCount: distinct,
    recentDistinct: recent,
    firstMs: m.times[0] as number,
    lastMs: m.times[m.times.length - 1] as number,
    maxChars,
    news: cells.some((c) => ctx.outlets.get(c.outletId)?.news !== false),
  };
}

function countDistinctStrings(values: readonly string[]): number {
  if (values.length < 2) return values.length;
  if (values.length > 16) return new Set(values).size;
  let distinct = 0;
  values.forEach((v, i) => {
    if (values.indexOf(v) === i) distinct += 1;
  });
  return distinct;
}

function charsOf(a: CoverageArticle): number {
  return a.title.length + (a.summary?.length ?? 0) + (a.text?.length ?? 0);
}

/** Distinct pieces (syndication groups count once), and those with an article in [since, until]. */
function countDistinct(
  m: Members,
  sinceMs: number,
  untilMs: number,
): { distinct: number; recent: number } {
  const n = m.roots.length;
  const recentRoot = new Uint8Array(n);
  let distinct = 0;
  let recent = 0;
  for (let i = 0; i < n; i += 1) {
    const root = m.roots[i] as number;
    if (root === i) distinct += 1;
    const t = m.times[i] as number;
    if (t >= sinceMs && t <= untilMs && recentRoot[root] === 0) {
      recentRoot[root] = 1;
      recent += 1;
    }
  }
  return { distinct, recent };
}

function duplicateRoots(ctx: AnalysisContext, story: CoverageStory, members: number[]): Int32Array {
  const mode = ctx.options.syndication;
  const groups = story.duplicateGroups ?? [];
  const useGroups = mode === 'groups' || (mode === 'auto' && groups.length > 0);
  if (useGroups) return rootsFromGroups(ctx, groups, members);
  if (mode === 'none' || members.length < 2) return int32Of(members.length, (i) => i);
  const hasSignature = new Uint8Array(members.length);
  for (let i = 0; i < members.length; i += 1)
    hasSignature[i] = ctx.signatureOf(members[i] as number) ? 1 : 0;
  return groupNearDuplicates(members, ctx.signatures(), hasSignature);
}

function rootsFromGroups(
  ctx: AnalysisContext,
  groups: readonly (readonly ArticleId[])[],
  members: number[],
): Int32Array {
  const position = new Map<number, number>();
  members.forEach((m, i) => {
    position.set(m, i);
  });
  const uf = new UnionFind(members.length);
  for (const group of groups) {
    let first = -1;
    for (const id of group) {
      const index = ctx.indexById.get(id);
      const p = index === undefined ? undefined : position.get(index);
      if (p === undefined) continue;
      if (first < 0) first = p;
      else uf.union(first, p);
    }
  }
  return uf.roots();
}

/** Canonical ISO form of a time: the article's own string when already canonical. */
function isoOf(published: string, ms: number): string {
  return published.length === 24 &&
    published.charCodeAt(19) === 46 &&
    published.charCodeAt(23) === 90
    ? published
    : new Date(ms).toISOString();
}

/**
 * Cells, one per outlet (sorted by outlet id): members are grouped by sorting their positions
 * by outlet id, then time (the members are already in time order, and the sort is stable).
 */
function buildCells(
  storyId: StoryId,
  m: Members,
): { cells: CoverageCell[]; cellFirstMs: number[]; cellFamilies: string[] } {
  const { articles } = m;
  const copies = hasCopies(m.roots);
  const copy = copies
    ? spansMany(m.roots, (i) => (articles[i] as CoverageArticle).outletId)
    : undefined;
  const order = range(articles.length);
  if (order.length > 1) {
    order.sort((a, b) =>
      compareStrings(
        (articles[a] as CoverageArticle).outletId,
        (articles[b] as CoverageArticle).outletId,
      ),
    );
  }
  const cells: CoverageCell[] = [];
  const cellFirstMs: number[] = [];
  const cellFamilies: string[] = [];
  let open: CoverageCell | undefined;
  for (const i of order) {
    const a = articles[i] as CoverageArticle;
    const syndicated = copy !== undefined && copy[i] === 1;
    if (open !== undefined && open.outletId === a.outletId) {
      open.articleIds.push(a.id);
      open.syndicated &&= syndicated;
      continue;
    }
    const first = m.times[i] as number;
    open = {
      storyId,
      outletId: a.outletId,
      articleIds: [a.id],
      firstSeen: isoOf(a.publishedAt, first),
      syndicated,
    };
    cells.push(open);
    cellFirstMs.push(first);
    cellFamilies.push(m.families[i] as string);
  }
  return { cells, cellFirstMs, cellFamilies };
}
