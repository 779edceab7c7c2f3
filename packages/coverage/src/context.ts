import type { ArticleId, OutletId } from '@newsloom/core';
import { fingerprintBody, SIGNATURE_SIZE, writeSignature } from './fingerprint';
import type { ResolvedOptions } from './options';
import type { CoverageArticle, CoverageOutlet } from './types';
import { compareStrings } from './util';
import { parseIsoTime, parseTime } from './window';

/** Everything per-story analysis needs, indexed once. */
export interface AnalysisContext {
  readonly articles: readonly CoverageArticle[];
  readonly times: Float64Array;
  readonly indexById: ReadonlyMap<string, number>;
  readonly inWindow: Uint8Array;
  readonly options: ResolvedOptions;
  readonly outlets: ReadonlyMap<OutletId, CoverageOutlet>;
  familyOf(outletId: OutletId): string;
  /** Computes the article's MinHash signature once; false when it has no words. */
  signatureOf(index: number): boolean;
  readonly signatures: () => Uint32Array;
  nowMs: number;
}

/**
 * Indexes articles by id. Ids given twice keep one article chosen without regard to input
 * order: the earliest `publishedAt`, then the smallest outlet id, then the smallest title.
 */
export function indexArticles(input: readonly CoverageArticle[]): {
  articles: CoverageArticle[];
  times: Float64Array;
  indexById: Map<string, number>;
} {
  const times = new Float64Array(input.length);
  const indexById = new Map<string, number>();
  input.forEach((article, i) => {
    times[i] = timeOf(article);
    indexById.set(article.id, i);
  });
  // Unique ids (the usual case): one map operation per article.
  if (indexById.size === input.length) return { articles: [...input], times, indexById };
  indexById.clear();
  const articles: CoverageArticle[] = [];
  const kept: number[] = [];
  input.forEach((article, i) => {
    const ms = times[i] as number;
    const seen = indexById.get(article.id);
    if (seen === undefined) {
      indexById.set(article.id, articles.length);
      articles.push(article);
      kept.push(ms);
    } else if (preferred(article, ms, articles[seen] as CoverageArticle, kept[seen] as number)) {
      articles[seen] = article;
      kept[seen] = ms;
    }
  });
  return { articles, times: Float64Array.from(kept), indexById };
}

function timeOf(article: CoverageArticle): number {
  const ms = parseIsoTime(article.publishedAt);
  return Number.isNaN(ms)
    ? parseTime(article.publishedAt, `publishedAt of article ${article.id}`)
    : ms;
}

function preferred(a: CoverageArticle, aMs: number, b: CoverageArticle, bMs: number): boolean {
  if (aMs !== bMs) return aMs < bMs;
  const byOutlet = compareStrings(a.outletId, b.outletId);
  return byOutlet !== 0 ? byOutlet < 0 : compareStrings(a.title, b.title) < 0;
}

/**
 * Indexes outlets by id. An id given twice is merged: the smallest non-empty `group` and
 * `domain`, and all attributes.
 */
export function indexOutlets(input: readonly CoverageOutlet[]): Map<OutletId, CoverageOutlet> {
  const byId = new Map<OutletId, CoverageOutlet>();
  for (const outlet of input) {
    const seen = byId.get(outlet.id);
    if (seen === undefined) {
      byId.set(outlet.id, outlet);
      continue;
    }
    const merged: CoverageOutlet = {
      id: outlet.id,
      attributes: [...(seen.attributes ?? []), ...(outlet.attributes ?? [])],
    };
    const group = smallest(seen.group, outlet.group);
    const domain = smallest(seen.domain, outlet.domain);
    if (group !== undefined) merged.group = group;
    if (domain !== undefined) merged.domain = domain;
    byId.set(outlet.id, merged);
  }
  return byId;
}

function smallest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || a === '') return b === '' ? undefined : b;
  if (b === undefined || b === '') return a;
  return compareStrings(a, b) <= 0 ? a : b;
}

/** The family function: `group:<group>`, else `domain:<domain>` when asked, else `outlet:<id>`. */
export function createFamilyOf(
  outlets: ReadonlyMap<OutletId, CoverageOutlet>,
  familyBy: ResolvedOptions['familyBy'],
): (outletId: OutletId) => string {
  const cache = new Map<string, string>();
  return (outletId) => {
    let family = cache.get(outletId);
    if (family === undefined) {
      const outlet = outlets.get(outletId);
      if (outlet?.group) family = `group:${outlet.group}`;
      else if (familyBy === 'group-or-domain' && outlet?.domain) family = `domain:${outlet.domain}`;
      else family = `outlet:${outletId}`;
      cache.set(outletId, family);
    }
    return family;
  };
}

/** Lazily computed MinHash signatures, one slot per article. */
export function createSignatureStore(articles: readonly CoverageArticle[]): {
  signatureOf(index: number): boolean;
  signatures(): Uint32Array;
} {
  let store: Uint32Array | undefined;
  const state = new Uint8Array(articles.length); // 0 unknown, 1 has a signature, 2 has none
  const signatures = () => {
    store ??= new Uint32Array(articles.length * SIGNATURE_SIZE);
    return store;
  };
  const signatureOf = (index: number) => {
    if (state[index] === 0) {
      const article = articles[index] as CoverageArticle;
      const ok = writeSignature(fingerprintBody(article), signatures(), index * SIGNATURE_SIZE);
      state[index] = ok ? 1 : 2;
    }
    return state[index] === 1;
  };
  return { signatureOf, signatures };
}

/**
 * Resolves the ids of a story to in-window article indices, each once, sorted by time then id.
 * `stamp` (one slot per article) and `storyNumber` (distinct per call) dedupe without a Set.
 */
export function storyMembers(
  ctx: AnalysisContext,
  articleIds: readonly ArticleId[],
  stamp: Int32Array,
  storyNumber: number,
): number[] {
  const members: number[] = [];
  for (const id of articleIds) {
    const index = ctx.indexById.get(id);
    if (index === undefined || ctx.inWindow[index] !== 1 || stamp[index] === storyNumber) continue;
    stamp[index] = storyNumber;
    members.push(index);
  }
  if (members.length < 2) return members;
  const { times, articles } = ctx;
  return members.sort(
    (a, b) =>
      (times[a] as number) - (times[b] as number) ||
      compareStrings((articles[a] as CoverageArticle).id, (articles[b] as CoverageArticle).id),
  );
}
