/** The three profile fields a story is indexed and scored on. */
export const FIELDS = ['title', 'body', 'entities'] as const;
/** One of {@link FIELDS}. */
export type Field = (typeof FIELDS)[number];

/**
 * Inverted index over the profile vectors of active stories: term → (story → weight), one per
 * field. Candidate generation and the dot products come from its posting lists, so the cost of
 * an article depends on the stories sharing its terms, never on the number of stories.
 */
export class StoryIndex {
  private readonly postings: Record<Field, Map<string, Map<string, number>>> = {
    title: new Map(),
    body: new Map(),
    entities: new Map(),
  };

  /** Replaces a story's postings in one field. */
  update(
    field: Field,
    storyId: string,
    previous: ReadonlyMap<string, number>,
    next: ReadonlyMap<string, number>,
  ): void {
    const index = this.postings[field];
    for (const term of previous.keys()) {
      if (next.has(term)) continue;
      const list = index.get(term);
      list?.delete(storyId);
      if (list?.size === 0) index.delete(term);
    }
    for (const [term, weight] of next) {
      let list = index.get(term);
      if (!list) {
        list = new Map();
        index.set(term, list);
      }
      list.set(storyId, weight);
    }
  }

  /** Drops a story's postings in one field. */
  remove(field: Field, storyId: string, profile: ReadonlyMap<string, number>): void {
    const index = this.postings[field];
    for (const term of profile.keys()) {
      const list = index.get(term);
      if (!list) continue;
      list.delete(storyId);
      if (list.size === 0) index.delete(term);
    }
  }

  /** Adds `scale × weight(article) × weight(story)` into `scores` for each story sharing a term. */
  accumulate(
    field: Field,
    vector: ReadonlyMap<string, number>,
    scale: number,
    scores: Map<string, number>,
  ): void {
    const index = this.postings[field];
    for (const [term, weight] of vector) {
      const list = index.get(term);
      if (!list) continue;
      for (const [storyId, storyWeight] of list) {
        scores.set(storyId, (scores.get(storyId) ?? 0) + scale * weight * storyWeight);
      }
    }
  }
}
