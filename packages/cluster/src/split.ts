import { type Story, storyIdFromSeed } from '@newsloom/core';
import { type TermVector, type TermVocabulary, termDot, termNorm } from '@newsloom/text';
import { timeDecay } from './candidates';
import { sortInPlace } from './small-sort';
import {
  buildStory,
  type HistoryEntry,
  type Member,
  type StoryState,
  toStory,
} from './story-state';
import { addInto, emptySum, topTermsOf } from './term-sum';

/**
 * The public stories of a state: the story itself, or, when its members fall apart into groups
 * that share (almost) no words — the trace of a chain of joins — the group holding the oldest
 * article under the story's id and each other group as a story split off from it (history
 * `split`/`spawned`, `parentId` the storyline). Pure: the state is not changed.
 */
export function finalizeStory(
  state: StoryState,
  splitThreshold: number,
  words: TermVocabulary,
): Story[] {
  if (splitThreshold <= 0 || state.members.length < 3) return [toStory(state, words)];
  const groups = components(state.members, splitThreshold);
  if (groups.length === 1) return [toStory(state, words)];
  const [main, ...rest] = groups;
  const storyline = state.parentId ?? state.id;
  const children = rest.map((members) => {
    const seed = members[0] as Member;
    const id = storyIdFromSeed(seed.id);
    const entry: HistoryEntry = {
      type: 'split',
      at: isoOf(seed.time),
      other: state.id,
      articleIds: members.map((m) => m.id),
    };
    const story = {
      id,
      aliases: [],
      history: [entry],
      parentId: storyline,
      relatedIds: [state.id],
    };
    return buildStory(story, members, keyTermsOf(members, words));
  });
  const spawned: HistoryEntry[] = children.map((c) => ({
    type: 'spawned',
    at: c.createdAt,
    other: c.id,
    articleIds: [...c.articleIds],
  }));
  const parent = {
    ...state,
    history: [...state.history, ...spawned],
    relatedIds: [...state.relatedIds, ...children.map((c) => c.id)],
  };
  return [buildStory(parent, main ?? [], keyTermsOf(main ?? [], words)), ...children];
}

// Connected components of "shares enough words" among members, each in member order with
// near-duplicate links renumbered; the component of the first member comes first.
function components(members: readonly Member[], threshold: number): Member[][] {
  const vectors = normed(members.map((m) => m.body));
  const root = members.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (root[r] !== r) r = root[r] ?? r;
    return r;
  };
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (vectors.cosine(i, j) >= threshold) root[find(j)] = find(i);
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < members.length; i++) {
    const r = find(i);
    const group = byRoot.get(r);
    if (group) group.push(i);
    else byRoot.set(r, [i]);
  }
  const groups = [...byRoot.values()].sort(
    (a, b) =>
      (members[a[0] ?? 0]?.time ?? 0) - (members[b[0] ?? 0]?.time ?? 0) ||
      (a[0] ?? 0) - (b[0] ?? 0),
  );
  return groups.map((indices) => renumber(members, indices));
}

export function renumber(members: readonly Member[], indices: readonly number[]): Member[] {
  const position = new Map(indices.map((old, i) => [old, i]));
  return indices.map((old) => {
    const m = members[old] as Member;
    return { ...m, duplicateOf: position.get(m.duplicateOf) ?? -1 };
  });
}

function keyTermsOf(members: readonly Member[], words: TermVocabulary): string[] {
  const sum = emptySum();
  for (const m of members) addInto(sum, m.body);
  return topTermsOf(sum, 8, words);
}

function isoOf(time: number): string {
  return new Date(time).toISOString();
}

type Vector = TermVector;

// Vectors with their norms computed once: cosine(i, j) is `cosine` of the text package (the same
// operations: dot / (norm × norm), 0 for a zero norm) without recomputing both norms per pair.
function normed(list: Vector[]): { cosine(i: number, j: number): number } {
  const norms = list.map(termNorm);
  return {
    cosine(i, j) {
      const denominator = (norms[i] as number) * (norms[j] as number);
      return denominator === 0 ? 0 : termDot(list[i] as Vector, list[j] as Vector) / denominator;
    },
  };
}

const byNumber = (a: number, b: number): number => a - b;

/**
 * Average-link agglomeration of a story's members on their weighted title, body and entity
 * cosine × the Gaussian time decay of their gap: groups merge, best pair first, while their mean pairwise similarity reaches the
 * threshold. Returns groups of member indices in member order, the group of member 0 first.
 */
export function averageLinkGroups(
  members: readonly Member[],
  threshold: number,
  timeScaleMs: number,
  weights: { title: number; body: number; entities: number },
): number[][] {
  const n = members.length;
  const titles = normed(members.map((m) => m.title));
  const vectors = normed(members.map((m) => m.body));
  const entities = normed(members.map((m) => m.entities));
  const sim: Float64Array = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = members[i] as Member;
      const b = members[j] as Member;
      // A pair without entities on one side is scored on title and body alone (see presentWeight).
      let lexical =
        weights.title * titles.cosine(i, j) +
        weights.body * vectors.cosine(i, j) +
        weights.entities * entities.cosine(i, j);
      if (a.entities.ids.length === 0 || b.entities.ids.length === 0) {
        lexical /= 1 - weights.entities;
      }
      const s = lexical * timeDecay(a.time - b.time, timeScaleMs);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  let groups: number[][] = members.map((_, i) => [i]);
  for (;;) {
    let best = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < groups.length; i++) {
      const gi = groups[i] as number[];
      for (let j = i + 1; j < groups.length; j++) {
        const gj = groups[j] as number[];
        let total = 0;
        for (const a of gi) for (const b of gj) total += sim[a * n + b] ?? 0;
        const mean = total / (gi.length * gj.length);
        if (mean > best) {
          best = mean;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0 || best < threshold) break;
    const merged = sortInPlace(
      [...(groups[bi] as number[]), ...(groups[bj] as number[])],
      byNumber,
    );
    groups = groups.filter((_, k) => k !== bi && k !== bj);
    groups.push(merged);
  }
  return sortInPlace(groups, (a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}
