import { afterEach, beforeEach } from 'vitest';
import type { NewsloomStore } from '../shared/types';

/**
 * Makes a fresh, empty store for one test.
 * @example const create: CreateStore = () => createMemoryStore()
 */
export type CreateStore = () => NewsloomStore | Promise<NewsloomStore>;

/** Registers hooks that give every test a fresh store and close it afterwards. */
export function useStore(create: CreateStore): () => NewsloomStore {
  let current: NewsloomStore | undefined;
  beforeEach(async () => {
    current = await create();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error('the conformance store was not created');
    return current;
  };
}
