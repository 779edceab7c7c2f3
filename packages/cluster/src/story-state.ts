import { type Story, type StoryEvent, type StoryInput, storyIdFromSeed } from '@newsloom/core';
import { type TermVector, type TermVocabulary, termNorm } from '@newsloom/text';
import type { ArticleFeatures } from './features';
import { sortInPlace } from './small-sort';
import { FIELDS, type Field, newScratch, perField, type Scratch } from './story-index';
import { addInto, emptySum, type TermSum, topTermsOf } from './term-sum';

/** What a story remembers of each member article (for near-duplicate groups). */
export interface Member {
  id: string;
  time: number;
  outletId: string;
  titleKey: string;
  hashHi: number;
  hashLo: number;
  /** Index of an earlier member this one near-duplicates, or -1. */
  duplicateOf: number;
  /** The article's body TF-IDF vector (for split checks); never mutated once stored. */
  body: TermVector;
  /** The article's title and entity vectors, to rebuild story profiles when a story regroups. */
  title: TermVector;
  entities: TermVector;
  /** The article's unit embedding, only when the clusterer has an embedder. */
  embedding?: Float32Array;
}

/** A history entry before validation (ids as plain strings). */
export interface HistoryEntry {
  type: StoryEvent['type'];
  at: string;
  other?: string;
  articleIds: string[];
}

/** Mutable state of an active story. */
export interface StoryState {
  id: string;
  members: Member[];
  createdAt: number;
  updatedAt: number;
  timeSum: number;
  /** Summed member vectors per field (pruned to the heaviest terms when they grow). */
  sums: Record<Field, TermSum>;
  /** Per field, the factor that turns `sums` into the story profile (see {@link scaleOf}). */
  scales: Record<Field, number>;
  aliases: string[];
  history: HistoryEntry[];
  parentId: string | undefined;
  relatedIds: string[];
  /** Scratch space of candidate search; not part of the story's meaning or its snapshot. */
  scratch: Scratch;
}

/** Most "stories about this story" links a story keeps (the closest first). */
export const MAX_RELATED = 10;

/** A new story seeded by one article; its id derives from the seed article id. */
export function createStoryState(seed: Pick<ArticleFeatures, 'id' | 'time'>): StoryState {
  return {
    id: storyIdFromSeed(seed.id),
    members: [],
    createdAt: seed.time,
    updatedAt: seed.time,
    timeSum: 0,
    sums: perField(emptySum),
    scales: perField(() => 0),
    aliases: [],
    history: [{ type: 'created', at: new Date(seed.time).toISOString(), articleIds: [seed.id] }],
    parentId: undefined,
    relatedIds: [],
    scratch: newScratch(),
  };
}

/** Mean publication time of the story's articles. */
export function meanTime(story: StoryState): number {
  return story.members.length === 0 ? story.createdAt : story.timeSum / story.members.length;
}

/**
 * Records an article as a member (near-duplicate link, times); the caller adds its vectors into
 * the story sums.
 */
export function addMember(
  story: StoryState,
  article: ArticleFeatures,
  duplicateBits: number,
): void {
  const duplicateOf = story.members.findIndex((m) => isDuplicate(m, article, duplicateBits));
  story.members.push({
    id: article.id,
    time: article.time,
    outletId: article.outletId,
    titleKey: article.titleKey,
    hashHi: article.hashHi,
    hashLo: article.hashLo,
    duplicateOf,
    body: article.body,
    title: article.title,
    entities: article.entities,
    ...(article.embedding ? { embedding: article.embedding } : {}),
  });
  story.timeSum += article.time;
  story.createdAt = Math.min(story.createdAt, article.time);
  story.updatedAt = Math.max(story.updatedAt, article.time);
}

/**
 * The factor that turns a story's summed vectors into its profile: (1 − a)/‖sum‖ + a/size, so a
 * dot product with the profile is (1 − a) × cosine to the centroid + a × the mean cosine to the
 * members (average link). Dot products are linear, which is what lets the index keep raw sums.
 */
export function scaleOf(sum: TermVector, size: number, averageShare: number): number {
  // Pure average link (the default) needs no norm: its centroid share is 0 (this runs on every
  // join, for every field, over sums of up to 3 × profileTerms terms).
  if (averageShare === 1) return 1 / Math.max(1, size);
  const length = termNorm(sum);
  return (length === 0 ? 0 : (1 - averageShare) / length) + averageShare / Math.max(1, size);
}

function isDuplicate(member: Member, article: ArticleFeatures, bits: number): boolean {
  if (member.outletId === article.outletId && member.titleKey === article.titleKey) return true;
  return (
    popcount(member.hashHi ^ article.hashHi) + popcount(member.hashLo ^ article.hashLo) <= bits
  );
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Folds `loser` into `survivor` (the older story) and records the merge. */
export function mergeStates(survivor: StoryState, loser: StoryState, at: number): void {
  const offset = survivor.members.length;
  for (const m of loser.members) {
    survivor.members.push({ ...m, duplicateOf: m.duplicateOf < 0 ? -1 : m.duplicateOf + offset });
  }
  for (const field of FIELDS) addInto(survivor.sums[field], loser.sums[field]);
  survivor.timeSum += loser.timeSum;
  survivor.createdAt = Math.min(survivor.createdAt, loser.createdAt);
  survivor.updatedAt = Math.max(survivor.updatedAt, loser.updatedAt);
  survivor.aliases.push(loser.id, ...loser.aliases);
  const related = new Set([...survivor.relatedIds, ...loser.relatedIds]);
  related.delete(survivor.id);
  related.delete(loser.id);
  survivor.relatedIds = [...related].slice(0, MAX_RELATED);
  survivor.parentId ??= loser.parentId;
  survivor.history.push({
    type: 'merged',
    at: new Date(at).toISOString(),
    other: loser.id,
    articleIds: loser.members.map((m) => m.id),
  });
}

/** The public {@link Story} of a state: members in time order, duplicate groups, key terms. */
export function toStory(state: StoryState, words: TermVocabulary): Story {
  const keySource = state.sums.title.ids.length > 0 ? state.sums.title : state.sums.body;
  return buildStory(state, state.members, topTermsOf(keySource, 8, words));
}

/**
 * A {@link Story} of some members of a state, with the state's links and history. Built as
 * `StorySchema.parse` returns it (schema key order, its defaults, fresh arrays and history
 * entries) without running it for every story: the tests parse every story they make and check
 * that nothing changes.
 */
export function buildStory(
  state: Pick<StoryState, 'id' | 'aliases' | 'history' | 'parentId' | 'relatedIds'>,
  members: readonly Member[],
  keyTerms: string[],
): Story {
  const ordered = sortInPlace(
    members.slice(),
    (a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const story: StoryInput = {
    id: state.id,
    articleIds: ordered.map((m) => m.id),
    createdAt: new Date(ordered[0]?.time ?? 0).toISOString(),
    updatedAt: new Date(ordered[ordered.length - 1]?.time ?? 0).toISOString(),
    ...(state.parentId === undefined ? {} : { parentId: state.parentId }),
    relatedIds: [...state.relatedIds].sort(),
    aliases: [...state.aliases],
    duplicateGroups: duplicateGroups(members),
    keyTerms,
    history: state.history.map(copyEntry),
    meta: {},
  };
  return story as Story;
}

// A history entry as StoryEventSchema.parse returns it.
function copyEntry(e: HistoryEntry): HistoryEntry {
  return e.other === undefined
    ? { type: e.type, at: e.at, articleIds: [...e.articleIds] }
    : { type: e.type, at: e.at, other: e.other, articleIds: [...e.articleIds] };
}

function duplicateGroups(members: readonly Member[]): string[][] {
  const root = (i: number): number => {
    let r = i;
    while ((members[r]?.duplicateOf ?? -1) >= 0) r = members[r]?.duplicateOf ?? r;
    return r;
  };
  const groups = new Map<number, string[]>();
  members.forEach((m, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(m.id);
    else groups.set(r, [m.id]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}
