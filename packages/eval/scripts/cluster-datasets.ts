import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/../shared/data`, resolved from this script's location. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** Folders of `<data>/clustering/*`, sorted; prints "dataset missing" and returns [] when absent. */
export function clusteringFolders(): string[] {
  const root = join(DATA_DIR, 'clustering');
  if (!existsSync(root)) {
    console.log(
      `dataset missing: ${root} (clone the shared data beside the repository to run this)`,
    );
    return [];
  }
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'labels.jsonl')))
    .sort()
    .map((name) => join(root, name));
}
