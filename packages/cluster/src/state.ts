import type { Story } from '@newsloom/core';
import { createTermModel, EntityLexicon, TokenLexicon } from '@newsloom/text';
import type { ArticleFeatures, FeatureModels } from './features';
import { StoryIndex, type Vocabularies } from './story-index';
import type { StoryState } from './story-state';

/** Internal mutable state of a clusterer. */
export interface ClustererState {
  models: FeatureModels;
  /** The models' vocabularies per field (title and body: words; entities: entities). */
  vocabularies: Vocabularies;
  active: Map<string, StoryState>;
  /** Article id → id of the active story holding it. */
  memberOf: Map<string, string>;
  closed: Story[];
  index: StoryIndex;
  lastSweep: number;
  /** Publication time of the newest article seen. */
  streamTime: number;
}

/** Feature models with nothing counted, or those of a snapshot. */
export function featureModels(
  words = createTermModel(),
  entities = createTermModel(),
): FeatureModels {
  return {
    words,
    entities,
    lexicon: new TokenLexicon(words.vocabulary),
    entityLexicon: new EntityLexicon(entities.vocabulary),
  };
}

/** A clusterer state with nothing in it (or the given models). */
export function emptyState(models = featureModels()): ClustererState {
  return {
    models,
    vocabularies: {
      title: models.words.vocabulary,
      body: models.words.vocabulary,
      entities: models.entities.vocabulary,
    },
    active: new Map(),
    memberOf: new Map(),
    closed: [],
    index: new StoryIndex(),
    lastSweep: Number.NEGATIVE_INFINITY,
    streamTime: Number.NEGATIVE_INFINITY,
  };
}

/**
 * The term ids that active stories (their sums and members) and the article being placed still
 * hold: pruning the vocabulary keeps these (a term seen once may still be in a story's profile,
 * where a later article must find it under the same id).
 */
export function referencedTerms(
  state: ClustererState,
  current: ArticleFeatures,
): { words: Set<number>; entities: Set<number> } {
  const words = new Set<number>();
  const entities = new Set<number>();
  const add = (into: Set<number>, v: { readonly ids: readonly number[] }) => {
    for (const id of v.ids) into.add(id);
  };
  const addAll = (f: Pick<ArticleFeatures, 'title' | 'body' | 'entities'>) => {
    add(words, f.title);
    add(words, f.body);
    add(entities, f.entities);
  };
  addAll(current);
  for (const story of state.active.values()) {
    addAll(story.sums);
    for (const m of story.members) addAll(m);
  }
  return { words, entities };
}
