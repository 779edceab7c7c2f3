import type { TermModel } from './term-model';

/**
 * Interns terms to small integer ids, so hot paths index arrays instead of hashing strings.
 * Released ids are reused (lowest-released-last, deterministically), so the id space of an
 * endless stream stays as small as the vocabulary that is still in use. `epoch` changes whenever
 * an id is released: caches of ids (such as a {@link TokenLexicon}) compare it to know when to
 * forget what they hold.
 *
 * @example
 * ```ts
 * const vocabulary = new TermVocabulary();
 * const id = vocabulary.id('claim'); // 0
 * vocabulary.term(id); // 'claim'
 * vocabulary.find('rise'); // -1
 * ```
 */
export class TermVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly terms: Array<string | undefined> = [];
  private readonly released: number[] = [];
  private releases = 0;

  /** The id of a term, interning it when new. */
  id(term: string): number {
    const known = this.ids.get(term);
    if (known !== undefined) return known;
    const id = this.released.length > 0 ? (this.released.pop() as number) : this.terms.length;
    this.terms[id] = term;
    this.ids.set(term, id);
    return id;
  }

  /** The id of a known term, or -1. */
  find(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** The term of an id in use (undefined for a released or unknown id). */
  term(id: number): string {
    return this.terms[id] as string;
  }

  /**
   * Forgets a term; its id may be given to another term later. The vocabulary of a
   * {@link TermModel} is released through the model's `prune` (which also clears the frequency).
   */
  release(id: number): void {
    const term = this.terms[id];
    if (term === undefined) return;
    this.ids.delete(term);
    this.terms[id] = undefined;
    this.released.push(id);
    this.releases += 1;
  }

  /** One more than the highest id ever given: arrays indexed by id need this many slots. */
  get capacity(): number {
    return this.terms.length;
  }

  /** Number of terms in use. */
  get size(): number {
    return this.ids.size;
  }

  /** Changes whenever an id is released (see the class comment). */
  get epoch(): number {
    return this.releases;
  }

  /** Every id in use, in no particular order. */
  *usedIds(): IterableIterator<number> {
    yield* this.ids.values();
  }
}
