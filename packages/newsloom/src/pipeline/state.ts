import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { type ArticleId, NewsloomError, type StoryId } from '@newsloom/core';

/**
 * What the pipeline keeps between runs so that the next run is incremental: the clusterer's
 * snapshot (stable story ids), which articles it has seen and which stories are current.
 */
export interface PipelineState {
  version: 1;
  /** `createClusterer().snapshot()`: JSON, opaque to the pipeline. */
  clusterer: unknown;
  /** Ids of every article already clustered. */
  clusteredArticleIds: ArticleId[];
  /** Ids of the current stories (merged-away stories are not listed). */
  storyIds: StoryId[];
}

/** Where the pipeline state lives: a port, so apps can keep it anywhere. */
export interface PipelineStateStore {
  load(): Promise<PipelineState | undefined>;
  save(state: PipelineState): Promise<void>;
}

/**
 * A state store in memory (for in-memory article stores and tests).
 * @example createPipeline({ store: createMemoryStore(), state: createMemoryStateStore() })
 */
export function createMemoryStateStore(): PipelineStateStore {
  let current: PipelineState | undefined;
  return {
    load: async () => current,
    save: async (state) => {
      current = structuredClone(state);
    },
  };
}

/**
 * A state store in a JSON file, replaced atomically (write, then rename) so that an
 * interrupted run never leaves a half-written state. The default beside a SQLite store is
 * `<database>.state.json`.
 * @example createFileStateStore('./newsloom.db.state.json')
 * @throws {NewsloomError} `STORE_CORRUPT` from `load` when the file is not a pipeline state.
 */
export function createFileStateStore(path: string): PipelineStateStore {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
      return parseState(text, path);
    },
    async save(state) {
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(state), 'utf8');
      try {
        await rename(temporary, path);
      } catch (cause) {
        await rm(temporary, { force: true });
        throw NewsloomError.from(
          cause,
          'STORE_ERROR',
          `could not save the pipeline state to ${path}`,
        );
      }
    },
  };
}

function parseState(text: string, path: string): PipelineState {
  try {
    const value = JSON.parse(text) as Partial<PipelineState>;
    if (
      value.version === 1 &&
      Array.isArray(value.clusteredArticleIds) &&
      Array.isArray(value.storyIds)
    ) {
      return value as PipelineState;
    }
  } catch {
    // fall through to the error below
  }
  throw new NewsloomError(
    'STORE_CORRUPT',
    `${path} is not a newsloom pipeline state: delete it and run "newsloom cluster" to rebuild it from the store`,
    { details: { path } },
  );
}
