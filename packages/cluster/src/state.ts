import type { Story } from '@newsloom/core';
import { createTfIdfModel } from '@newsloom/text';
import type { FeatureModels } from './features';
import { StoryIndex } from './story-index';
import type { StoryState } from './story-state';

/** Internal mutable state of a clusterer. */
export interface ClustererState {
  models: FeatureModels;
  active: Map<string, StoryState>;
  /** Article id → id of the active story holding it. */
  memberOf: Map<string, string>;
  closed: Story[];
  index: StoryIndex;
  lastSweep: number;
  /** Publication time of the newest article seen. */
  streamTime: number;
}

/** A clusterer state with nothing in it. */
export function emptyState(): ClustererState {
  return {
    models: { words: createTfIdfModel(), entities: createTfIdfModel() },
    active: new Map(),
    memberOf: new Map(),
    closed: [],
    index: new StoryIndex(),
    lastSweep: Number.NEGATIVE_INFINITY,
    streamTime: Number.NEGATIVE_INFINITY,
  };
}
