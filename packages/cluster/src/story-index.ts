import type { TermVector, TermVocabulary } from '@newsloom/text';
import type { StoryState } from './story-state';
import { addInto, type TermSum } from './term-sum';

/** The three profile fields a story is indexed and scored on. */
export const FIELDS = ['title', 'body', 'entities'] as const;
/** One of {@link FIELDS}. */
export type Field = (typeof FIELDS)[number];

/** The vocabulary of each field's term ids (title and body share the word vocabulary). */
export type Vocabularies = Record<Field, TermVocabulary>;

/** A record with one value per field, made by `make`. */
export function perField<T>(make: (field: Field) => T): Record<Field, T> {
  return { title: make('title'), body: make('body'), entities: make('entities') };
}

// A term's postings, in one array per term id: [n, story 1, position 1, …, story n, position n],
// the stories whose sum of the field holds the term and where in that sum (its weight is read
// from the sum, so a join that changes a weight touches no posting). One array, not one per
// column: each array touched on a stream is a cache miss. An array never shrinks: a story leaves
// by the last pair moving into its place and a null left behind (arrays popped to empty lost their
// backing store, and the next story to post the term allocated it again), so a steady stream
// allocates nothing here. The order of a list does not matter (see findCandidates).
type PostingList = Array<StoryState | number | null>;

class Postings {
  lists: Array<PostingList | undefined> = [];
}

/**
 * Inverted index over the term sums of active stories: term → (story → position of the term in
 * the story's sum), one per field. Candidate generation and the dot products come from its
 * posting lists, so the cost of an article depends on the stories sharing its terms, never on the
 * number of stories. Weights are read from the sums, scaled by each story's scale when scoring,
 * so a join posts only the terms new to the story.
 */
export class StoryIndex {
  private readonly postings: Record<Field, Postings> = perField(() => new Postings());

  /** Records that a story's sum of `field` holds `term` at `position` (after a sum is rebuilt). */
  set(field: Field, story: StoryState, term: number, position: number): void {
    post(this.postings[field], story, term, position);
  }

  /** Adds a vector into one of a story's sums (see `addInto`) and posts the terms new to it. */
  addInto(field: Field, story: StoryState, sum: TermSum, vector: TermVector): void {
    const index = this.postings[field];
    for (let p = addInto(sum, vector); p < sum.ids.length; p++) {
      append(index, story, sum.ids[p] as number, p);
    }
  }

  /** Drops a story's postings for the given terms. */
  remove(field: Field, story: StoryState, terms: readonly number[]): void {
    const index = this.postings[field];
    for (const term of terms) unpost(index, story, term);
  }

  /** Drops a story's posting for one term, if any. */
  removeTerm(field: Field, story: StoryState, term: number): void {
    unpost(this.postings[field], story, term);
  }

  /**
   * Adds `scale × weight(article) × story scale × sum(story)` into each story sharing a term,
   * in its {@link Scratch}: stories first touched under this `pass` start from 0 and are
   * appended to `touched` (a per-story number instead of a map keyed by story: this runs for
   * every posting of every article). It also sums `weight(article) × sum(story)` per field in
   * the article's term order: the exact `dot(vector, sum)` whenever the vector is the smaller
   * map (`dot` iterates the smaller one), so candidates need not look every term up again.
   */
  accumulate(
    field: Field,
    vector: TermVector,
    scale: number,
    pass: number,
    touched: StoryState[],
  ): void {
    const index = this.postings[field];
    const slot = FIELDS.indexOf(field);
    const { ids, weights } = vector;
    for (let i = 0; i < ids.length; i++) {
      const term = ids[i] as number;
      const list = index.lists[term];
      if (list === undefined) continue;
      const end = 2 * (list[0] as number);
      const weight = weights[i] as number;
      for (let k = 1; k < end; k += 2) {
        const story = list[k] as StoryState;
        // Named loads: a key that varies by call would make these lookups megamorphic.
        const sums = story.sums;
        const sum = slot === 0 ? sums.title : slot === 1 ? sums.body : sums.entities;
        visit(
          story,
          sum.weights[list[k + 1] as number] as number,
          slot,
          scale,
          weight,
          pass,
          touched,
        );
      }
    }
  }
}

// Adds or updates a story's posting of a term.
function post(index: Postings, story: StoryState, term: number, position: number): void {
  const k = find(index, story, term);
  if (k >= 0) (index.lists[term] as PostingList)[k + 1] = position;
  else append(index, story, term, position);
}

// Where a story is in a term's list (the index of its story slot), or -1.
function find(index: Postings, story: StoryState, term: number): number {
  const list = index.lists[term];
  if (list === undefined) return -1;
  const end = 2 * (list[0] as number);
  for (let k = 1; k < end; k += 2) if (list[k] === story) return k;
  return -1;
}

// Adds a posting the story does not have yet.
function append(index: Postings, story: StoryState, term: number, position: number): void {
  // Grown with explicit undefined entries, so the array stays packed (a write far past its end
  // would turn it into a slow dictionary).
  while (index.lists.length <= term) index.lists.push(undefined);
  let list = index.lists[term];
  if (list === undefined) {
    list = [0];
    index.lists[term] = list;
  }
  const end = 1 + 2 * (list[0] as number);
  if (end < list.length) {
    list[end] = story;
    list[end + 1] = position;
  } else list.push(story, position);
  list[0] = (list[0] as number) + 1;
}

function unpost(index: Postings, story: StoryState, term: number): void {
  const k = find(index, story, term);
  if (k < 0) return;
  const list = index.lists[term] as PostingList;
  const last = 2 * (list[0] as number) - 1;
  list[k] = list[last] as StoryState;
  list[k + 1] = list[last + 1] as number;
  list[last] = null; // let go of the story
  list[0] = (list[0] as number) - 1;
}

// One posting of accumulate(): the rough score and the dot of field `slot` (in FIELDS) of a story.
function visit(
  story: StoryState,
  sum: number,
  slot: number,
  scale: number,
  weight: number,
  pass: number,
  touched: StoryState[],
): void {
  const scratch = story.scratch;
  if (scratch.pass !== pass) {
    scratch.pass = pass;
    scratch.score = 0;
    scratch.dots[0] = 0;
    scratch.dots[1] = 0;
    scratch.dots[2] = 0;
    touched.push(story);
  }
  const scales = story.scales;
  const storyScale = slot === 0 ? scales.title : slot === 1 ? scales.body : scales.entities;
  scratch.score += scale * weight * sum * storyScale;
  scratch.dots[slot] = (scratch.dots[slot] as number) + weight * sum;
}

/** Per-story scratch space of one candidate search (see {@link StoryIndex.accumulate}). */
export interface Scratch {
  pass: number;
  score: number;
  /** Per field (in {@link FIELDS} order), Σ weight(article) × sum(story) in article term order. */
  dots: Float64Array;
}

/** Fresh scratch space for a story. */
export function newScratch(): Scratch {
  return { pass: 0, score: 0, dots: new Float64Array(FIELDS.length) };
}
