import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type ArticleId, type ArticleStore, NewsloomError, type StoryId } from '@newsloom/core';
import { z } from 'zod';

/** The `<db>.state.json` sidecar older versions kept beside the database. */
const SidecarSchema = z.object({
  version: z.literal(1),
  clusterer: z.unknown(),
  clusteredArticleIds: z.array(z.string()),
  storyIds: z.array(z.string()),
});

/** What a sidecar gives the first run on the store: its snapshot and what it had clustered. */
export interface LegacySeed {
  path: string;
  /** The snapshot, or undefined when the sidecar does not match the store (then start afresh). */
  clusterer: unknown;
  clustered: ReadonlySet<string>;
}

/**
 * Reads a sidecar once, when the store has no pipeline state yet. A sidecar that does not match
 * the store (a database restored from an older backup beside a newer sidecar: its stories or
 * articles are missing) is not trusted: clustering starts afresh, which gives the same story ids.
 * Stale temporary files of the old state writer are removed.
 * @throws {NewsloomError} `STORE_CORRUPT` naming the file and the fix when it is not a state.
 */
export async function readLegacySeed(
  store: ArticleStore,
  path: string,
): Promise<LegacySeed | undefined> {
  await sweepTemporaries(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const sidecar = parseSidecar(text, path);
  const matches = await matchesStore(store, sidecar.storyIds, sidecar.clusteredArticleIds);
  return matches
    ? { path, clusterer: sidecar.clusterer, clustered: new Set(sidecar.clusteredArticleIds) }
    : { path, clusterer: undefined, clustered: new Set() };
}

/** Renames a migrated sidecar to `<path>.migrated`, so it is read only once. */
export async function retireLegacySeed(seed: LegacySeed): Promise<void> {
  await rename(seed.path, `${seed.path}.migrated`).catch(() => undefined);
}

function parseSidecar(text: string, path: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = SidecarSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new NewsloomError(
    'STORE_CORRUPT',
    `${path} is not a newsloom pipeline state (an older version's sidecar): move it aside ` +
      '(the state now lives in the database) and run "newsloom cluster" to rebuild the stories',
    { details: { path } },
  );
}

async function matchesStore(
  store: ArticleStore,
  storyIds: readonly string[],
  articleIds: readonly string[],
): Promise<boolean> {
  const stories = await store.getStories({ ids: storyIds as StoryId[] });
  if (stories.length !== new Set(storyIds).size) return false;
  const articles = await store.getArticlesByIds(articleIds as ArticleId[]);
  return articles.length === new Set(articleIds).size;
}

async function sweepTemporaries(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      await rm(join(dirname(path), name), { force: true });
    }
  }
}
