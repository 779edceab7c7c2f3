import { NewsloomError } from '@newsloom/core';
import { createTermModel, type TfIdfSnapshot } from '@newsloom/text';
import { type ClustererState, emptyState, featureModels } from './state';
import { FIELDS, type Field, newScratch, perField, type Vocabularies } from './story-index';
import type { HistoryEntry, Member, StoryState } from './story-state';
import { fromPairs, toPairs } from './term-sum';

type Pairs = Array<[string, number]>;

/** A story member in a snapshot: its vectors as [term, weight] pairs. */
export interface MemberSnapshot extends Omit<Member, 'body' | 'title' | 'entities' | 'embedding'> {
  body: Pairs;
  /** Present when the clusterer had an embedder. */
  embedding?: number[];
  /** Absent in snapshots written before regrouping existed. */
  title?: Pairs;
  entities?: Pairs;
}

/** An active story in a snapshot: its state with maps as [key, value] pairs. */
export interface StorySnapshot {
  id: string;
  members: MemberSnapshot[];
  createdAt: number;
  updatedAt: number;
  timeSum: number;
  sums: Record<Field, Pairs>;
  scales: Record<Field, number>;
  aliases: string[];
  history: HistoryEntry[];
  parentId?: string;
  relatedIds: string[];
}

/**
 * The JSON-serialisable state of a clusterer (see `Clusterer.snapshot`): the active window only.
 * Version 1 snapshots (which also listed every closed story) are still read; their closed
 * stories are ignored.
 */
export interface ClustererSnapshot {
  version: 2;
  words: TfIdfSnapshot;
  entities: TfIdfSnapshot;
  active: StorySnapshot[];
  /** Time of the last sweep of expired stories, or null before the first one. */
  lastSweep: number | null;
  /** Publication time of the newest article seen, or null before the first. */
  streamTime: number | null;
}

/** Writes a clusterer state as plain JSON data. */
export function writeSnapshot(state: ClustererState): ClustererSnapshot {
  return {
    version: 2,
    words: state.models.words.snapshot(),
    entities: state.models.entities.snapshot(),
    active: [...state.active.values()].map((s) => writeStory(s, state.vocabularies)),
    lastSweep: Number.isFinite(state.lastSweep) ? state.lastSweep : null,
    streamTime: Number.isFinite(state.streamTime) ? state.streamTime : null,
  };
}

function writeStory(s: StoryState, v: Vocabularies): StorySnapshot {
  return {
    ...copyStory(
      s,
      s.members.map((m) => writeMember(m, v)),
      perField((f): Pairs => toPairs(s.sums[f], v[f])),
    ),
    ...(s.parentId === undefined ? {} : { parentId: s.parentId }),
    relatedIds: [...s.relatedIds],
  };
}

/**
 * Rebuilds a clusterer state (with its inverted index) from a snapshot.
 * @throws {NewsloomError} `INVALID_INPUT` when the snapshot is not a version 1 or 2 clusterer snapshot.
 */
export function readSnapshot(snapshot: ClustererSnapshot): ClustererState {
  const version = (snapshot as { version?: unknown } | null)?.version;
  if ((version !== 1 && version !== 2) || !Array.isArray(snapshot.active)) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `not a clusterer snapshot (expected version 1 or 2 with active stories, got version ${String(version)}); take it from Clusterer.snapshot() or start from an empty clusterer`,
    );
  }
  const state = emptyState(
    featureModels(createTermModel(snapshot.words), createTermModel(snapshot.entities)),
  );
  state.lastSweep = snapshot.lastSweep ?? Number.NEGATIVE_INFINITY;
  state.streamTime = snapshot.streamTime ?? Number.NEGATIVE_INFINITY;
  for (const s of snapshot.active) {
    const story = readStory(s, state.vocabularies);
    state.active.set(story.id, story);
    for (const m of story.members) state.memberOf.set(m.id, story.id);
    for (const field of FIELDS) {
      const { ids } = story.sums[field];
      for (let p = 0; p < ids.length; p++) state.index.set(field, story, ids[p] as number, p);
    }
  }
  return state;
}

function readStory(s: StorySnapshot, v: Vocabularies): StoryState {
  return {
    ...copyStory(
      s,
      s.members.map((m) => readMember(m, v)),
      perField((f) => fromPairs(s.sums[f], v[f])),
    ),
    parentId: s.parentId,
    relatedIds: [...s.relatedIds],
    scratch: newScratch(),
  };
}

function writeMember(m: Member, v: Vocabularies): MemberSnapshot {
  const { embedding, ...rest } = m;
  const out = {
    ...rest,
    body: toPairs(m.body, v.body),
    title: toPairs(m.title, v.title),
    entities: toPairs(m.entities, v.entities),
  };
  return embedding ? { ...out, embedding: Array.from(embedding) } : out;
}

function readMember(m: MemberSnapshot, v: Vocabularies): Member {
  const { embedding, ...rest } = m;
  const out = {
    ...rest,
    body: fromPairs(m.body, v.body),
    title: fromPairs(m.title ?? [], v.title),
    entities: fromPairs(m.entities ?? [], v.entities),
  };
  return embedding ? { ...out, embedding: Float32Array.from(embedding) } : out;
}

// A copy of what a story and its snapshot share, with the given members and sums, in snapshot key order.
function copyStory<M, Sum>(s: StoryState | StorySnapshot, members: M[], sums: Record<Field, Sum>) {
  return {
    id: s.id,
    members,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    timeSum: s.timeSum,
    sums,
    scales: { ...s.scales },
    aliases: [...s.aliases],
    history: s.history.map((e) => ({ ...e, articleIds: [...e.articleIds] })),
  };
}
