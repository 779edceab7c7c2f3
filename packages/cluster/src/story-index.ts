import type { TermVector, TermVocabulary } from '@newsloom/text';
import type { StoryState } from './story-state';
import { markAt, markPositions, positionIn, type TermSum } from './term-sum';

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

// A term's postings: most terms are posted by one story only, so a lone posting is the story
// itself, its weight kept in a typed array by term (nothing allocated: postings live as long as
// their stories, and every object among them would be copied by the young-generation GC). A map
// (story → cell, in insertion order) is made when a second story posts the term; a cell is
// mutable, as a map of numbers would box a new heap number on every update.
class Cell {
  constructor(
    readonly story: StoryState,
    public weight: number,
  ) {}
}
type Posting = StoryState | Map<StoryState, Cell>;

// One field's postings, indexed by term id (ids are small integers: an array read instead of a
// hash probe); `lone[term]` is the weight of a lone posting.
class Postings {
  entries: Array<Posting | undefined> = [];
  lone = new Float64Array(1024);
}

/**
 * Inverted index over the term sums of active stories: term → (story → summed weight), one per
 * field. Candidate generation and the dot products come from its posting lists, so the cost of
 * an article depends on the stories sharing its terms, never on the number of stories. Postings
 * hold raw sums and each story's scale is applied when scoring, so a join updates only the
 * postings of the joining article's terms.
 */
export class StoryIndex {
  private readonly postings: Record<Field, Postings> = perField(() => new Postings());

  /** Sets the summed weight of one term of a story. */
  set(field: Field, story: StoryState, term: number, weight: number): void {
    post(this.postings[field], story, term, weight);
  }

  /**
   * Adds a vector into one of a story's sums, term by term as `addInto` does, and posts each
   * changed term's new sum (one walk instead of adding, then looking every term up again).
   */
  addInto(field: Field, story: StoryState, sum: TermSum, vector: TermVector): void {
    const index = this.postings[field];
    markPositions(sum);
    const { ids, weights } = vector;
    for (let i = 0; i < ids.length; i++) {
      const term = ids[i] as number;
      const p = positionIn(term);
      let value: number;
      if (p >= 0) {
        value = (sum.weights[p] as number) + (weights[i] as number);
        sum.weights[p] = value;
      } else {
        value = 0 + (weights[i] as number);
        markAt(term, sum.ids.length);
        sum.ids.push(term);
        sum.weights.push(value);
      }
      post(index, story, term, value);
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
      const posting = index.entries[term];
      if (posting === undefined) continue;
      const weight = weights[i] as number;
      if (!(posting instanceof Map)) {
        visit(posting, index.lone[term] as number, slot, scale, weight, pass, touched);
      } else {
        // forEach with a module-level callback: a for-of over the map allocates per entry.
        current.slot = slot;
        current.scale = scale;
        current.weight = weight;
        current.pass = pass;
        current.touched = touched;
        posting.forEach(visitCell);
      }
    }
  }
}

function post(index: Postings, story: StoryState, term: number, weight: number): void {
  if (term >= index.entries.length) extend(index, term);
  const posting = index.entries[term];
  if (posting === undefined) {
    index.entries[term] = story;
    index.lone[term] = weight;
  } else if (posting instanceof Map) {
    const cell = posting.get(story);
    if (cell === undefined) posting.set(story, new Cell(story, weight));
    else cell.weight = weight;
  } else if (posting === story) index.lone[term] = weight;
  else {
    index.entries[term] = new Map([
      [posting, new Cell(posting, index.lone[term] as number)],
      [story, new Cell(story, weight)],
    ]);
  }
}

// Grows the postings past `term`: the entries with explicit undefined, so they stay a packed
// array (a write far past its end would turn it into a slow dictionary).
function extend(index: Postings, term: number): void {
  while (index.entries.length <= term) index.entries.push(undefined);
  if (index.lone.length <= term) {
    const lone = new Float64Array(Math.max(term + 1, 2 * index.lone.length));
    lone.set(index.lone);
    index.lone = lone;
  }
}

function unpost(index: Postings, story: StoryState, term: number): void {
  const posting = index.entries[term];
  if (posting === undefined) return;
  if (!(posting instanceof Map)) {
    if (posting === story) index.entries[term] = undefined;
  } else {
    posting.delete(story);
    if (posting.size === 0) index.entries[term] = undefined;
  }
}

// The arguments of visit() for a map of postings (see accumulate).
const current = { slot: 0, scale: 0.5, weight: 0.5, pass: 0, touched: [] as StoryState[] };

function visitCell(cell: Cell): void {
  const c = current;
  visit(cell.story, cell.weight, c.slot, c.scale, c.weight, c.pass, c.touched);
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
  // Named loads: a key that varies by call would make this lookup megamorphic.
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
