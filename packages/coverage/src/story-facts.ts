import type { ArticleId, CoverageCell, OutletId, StoryId } from '@newsloom/core';
import { type AnalysisContext, storyMembers } from './context';
import { groupNearDuplicates } from './fingerprint';
import type { CoverageArticle, CoverageStory } from './types';
import { UnionFind } from './util';

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
}

/** Computes a story's facts, or undefined when none of its articles is known and in the window. */
export function computeStoryFacts(
  ctx: AnalysisContext,
  story: CoverageStory,
): StoryFacts | undefined {
  const members = storyMembers(ctx, story.articleIds);
  if (members.length === 0) return undefined;
  const roots = duplicateRoots(ctx, story, members);
  const articles = members.map((m) => ctx.articles[m] as CoverageArticle);
  const families = articles.map((a) => ctx.familyOf(a.outletId));
  const crossOutlet = spansMany(
    roots,
    articles.map((a) => a.outletId),
  );
  const crossFamily = spansMany(roots, families);
  const times = members.map((m) => ctx.times[m] as number);
  const { cells, cellFirstMs, cellFamilies } = buildCells(
    story.id,
    articles,
    times,
    families,
    roots,
    crossOutlet,
  );
  const sinceMs = ctx.nowMs - ctx.options.top.velocityWindowHours * 3_600_000;
  const recent = new Set<number>();
  roots.forEach((root, i) => {
    const t = times[i] as number;
    if (t >= sinceMs && t <= ctx.nowMs) recent.add(root);
  });
  return {
    id: story.id,
    cells,
    cellFirstMs,
    cellFamilies,
    breadth: breadthOf(families, roots, crossFamily),
    familyCount: new Set(families).size,
    articleCount: members.length,
    distinctCount: new Set(roots).size,
    recentDistinct: recent.size,
    firstMs: times[0] as number,
    lastMs: times[times.length - 1] as number,
    maxChars: Math.max(...articles.map(charsOf)),
  };
}

function charsOf(a: CoverageArticle): number {
  return a.title.length + (a.summary?.length ?? 0) + (a.text?.length ?? 0);
}

/** Representative position of each member's syndication group (itself when not syndicated). */
function duplicateRoots(ctx: AnalysisContext, story: CoverageStory, members: number[]): Int32Array {
  const mode = ctx.options.syndication;
  const groups = story.duplicateGroups ?? [];
  const useGroups = mode === 'groups' || (mode === 'auto' && groups.length > 0);
  if (useGroups) return rootsFromGroups(ctx, groups, members);
  if (mode === 'none' || members.length < 2) return Int32Array.from(members.keys());
  const hasSignature = Uint8Array.from(members, (m) => (ctx.signatureOf(m) ? 1 : 0));
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
  return Int32Array.from(members.keys(), (i) => uf.find(i));
}

/** For each group root: true when its members carry more than one distinct key. */
function spansMany(roots: Int32Array, keys: readonly string[]): Map<number, boolean> {
  const firstKey = new Map<number, string>();
  const many = new Map<number, boolean>();
  roots.forEach((root, i) => {
    const key = keys[i] as string;
    const seen = firstKey.get(root);
    if (seen === undefined) {
      firstKey.set(root, key);
      many.set(root, false);
    } else if (seen !== key) many.set(root, true);
  });
  return many;
}

/**
 * Breadth: outlet families with at least one article of their own count one each; families
 * whose every article is a copy shared with another family are joined through the copies they
 * share, and each joined set counts once.
 */
function breadthOf(
  families: readonly string[],
  roots: Int32Array,
  crossFamily: Map<number, boolean>,
): number {
  const original = new Set<string>();
  families.forEach((family, i) => {
    if (crossFamily.get(roots[i] as number) !== true) original.add(family);
  });
  const copiers = [...new Set(families.filter((f) => !original.has(f)))];
  if (copiers.length === 0) return original.size;
  const slot = new Map(copiers.map((f, i) => [f, i]));
  const uf = new UnionFind(copiers.length);
  const anchor = new Map<number, number>();
  families.forEach((family, i) => {
    const s = slot.get(family);
    if (s === undefined) return;
    const root = roots[i] as number;
    const a = anchor.get(root);
    if (a === undefined) anchor.set(root, s);
    else uf.union(a, s);
  });
  const components = new Set(copiers.map((_, i) => uf.find(i)));
  return original.size + components.size;
}

function buildCells(
  storyId: StoryId,
  articles: readonly CoverageArticle[],
  times: readonly number[],
  families: readonly string[],
  roots: Int32Array,
  crossOutlet: Map<number, boolean>,
): { cells: CoverageCell[]; cellFirstMs: number[]; cellFamilies: string[] } {
  const byOutlet = new Map<
    OutletId,
    { ids: ArticleId[]; first: number; family: string; syndicated: boolean }
  >();
  articles.forEach((a, i) => {
    const copy = crossOutlet.get(roots[i] as number) === true;
    const cell = byOutlet.get(a.outletId);
    if (cell === undefined) {
      byOutlet.set(a.outletId, {
        ids: [a.id],
        first: times[i] as number,
        family: families[i] as string,
        syndicated: copy,
      });
    } else {
      cell.ids.push(a.id);
      cell.syndicated &&= copy;
    }
  });
  const outletIds = [...byOutlet.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cells: CoverageCell[] = [];
  const cellFirstMs: number[] = [];
  const cellFamilies: string[] = [];
  for (const outletId of outletIds) {
    const cell = byOutlet.get(outletId)!;
    cells.push({
      storyId,
      outletId,
      articleIds: cell.ids,
      firstSeen: new Date(cell.first).toISOString(),
      syndicated: cell.syndicated,
    });
    cellFirstMs.push(cell.first);
    cellFamilies.push(cell.family);
  }
  return { cells, cellFirstMs, cellFamilies };
}
