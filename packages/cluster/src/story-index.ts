import type { StoryState } from './story-state';

/** The three profile fields a story is indexed and scored on. */
export const FIELDS = ['title', 'body', 'entities'] as const;
/** One of {@link FIELDS}. */
export type Field = (typeof FIELDS)[number];

/** A record with one value per field, made by `make`. */
export function perField<T>(make: (field: Field) => T): Record<Field, T> {
  return { title: make('title'), body: make('body'), entities: make('entities') };
}

// A term's postings: most terms are posted by one story only, so a lone posting is a small
// object and a map (story → weight, in insertion order) is made when a second story posts it.
class Lone {
  constructor(
    readonly story: StoryState,
    public weight: number,
  ) {}
}
type Posting = Lone | Map<StoryState, number>;
type Postings = Map<string, Posting>;

/**
 * Inverted index over the term sums of active stories: term → (story → summed weight), one per
 * field. Candidate generation and the dot products come from its posting lists, so the cost of
 * an article depends on the stories sharing its terms, never on the number of stories. Postings
 * hold raw sums and each story's scale is applied when scoring, so a join updates only the
 * postings of the joining article's terms.
 */
export class StoryIndex {
  private readonly postings: Record<Field, Postings> = perField(() => new Map());

  /** Sets the summed weight of one term of a story. */
  set(field: Field, story: StoryState, term: string, weight: number): void {
    post(this.postings[field], story, term, weight);
  }

  /**
   * Adds a vector into one of a story's sums, term by term as `addInto` does, and posts each
   * changed term's new sum (one walk instead of adding, then looking every term up again).
   */
  addInto(
    field: Field,
    story: StoryState,
    sum: Map<string, number>,
    vector: ReadonlyMap<string, number>,
  ): void {
    const index = this.postings[field];
    for (const [term, weight] of vector) {
      const value = (sum.get(term) ?? 0) + weight;
      sum.set(term, value);
      post(index, story, term, value);
    }
  }

  /** Drops a story's postings for the given terms. */
  remove(field: Field, story: StoryState, terms: Iterable<string>): void {
    const index = this.postings[field];
    for (const term of terms) unpost(index, story, term);
  }

  /** Drops a story's posting for one term, if any. */
  removeTerm(field: Field, story: StoryState, term: string): void {
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
    vector: ReadonlyMap<string, number>,
    scale: number,
    pass: number,
    touched: StoryState[],
  ): void {
    const index = this.postings[field];
    const slot = FIELDS.indexOf(field);
    for (const [term, weight] of vector) {
      const posting = index.get(term);
      if (posting === undefined) continue;
      if (posting instanceof Lone) {
        visit(posting.story, posting.weight, slot, scale, weight, pass, touched);
      } else {
        for (const [story, sum] of posting) {
          visit(story, sum, slot, scale, weight, pass, touched);
        }
      }
    }
  }
}

function post(index: Postings, story: StoryState, term: string, weight: number): void {
  const posting = index.get(term);
  if (posting === undefined) index.set(term, new Lone(story, weight));
  else if (!(posting instanceof Lone)) posting.set(story, weight);
  else if (posting.story === story) posting.weight = weight;
  else {
    index.set(
      term,
      new Map([
        [posting.story, posting.weight],
        [story, weight],
      ]),
    );
  }
}

function unpost(index: Postings, story: StoryState, term: string): void {
  const posting = index.get(term);
  if (posting === undefined) return;
  if (posting instanceof Lone) {
    if (posting.story === story) index.delete(term);
  } else {
    posting.delete(story);
    if (posting.size === 0) index.delete(term);
  }
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
