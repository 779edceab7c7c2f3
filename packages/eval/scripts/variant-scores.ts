import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClusterOptions, clusterArticles } from '@newsloom/cluster';
import {
  assignmentFromStories,
  bcubed,
  type ClusteringDataset,
  loadClusteringDataset,
} from '../src/index';
import { clusteringFolders } from './cluster-datasets';
import { VARIANTS, type VariantFolder, writeVariants } from './cluster-variants';
import { runPythonBaseline } from './run-python-baseline';

/** A variant folder, loaded. */
export interface LoadedVariant extends VariantFolder {
  data: ClusteringDataset;
}

/**
 * Writes every variant and half of every `<data>/clustering/*` set to a temporary folder, loads
 * them and calls `use`; the folder is removed afterwards. Nothing when the data is missing.
 */
export async function withVariants<T>(
  use: (variants: LoadedVariant[]) => Promise<T> | T,
): Promise<T | undefined> {
  const folders = clusteringFolders();
  if (folders.length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-variants-'));
  try {
    const written = folders.flatMap((f) => writeVariants(f, dir));
    const loaded = await Promise.all(
      written.map(async (v) => {
        const data = await loadClusteringDataset(v.folder);
        return { ...v, data: { ...data, name: v.name } };
      }),
    );
    return await use(loaded);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** B-cubed F1 of newsloom's clusterer with `options` on a loaded variant. */
export function f1Of(v: LoadedVariant, options: ClusterOptions = {}): number {
  const stories = clusterArticles(v.data.articles, options);
  return bcubed(assignmentFromStories(stories), v.data.gold).f1;
}

/**
 * B-cubed F1 of the scikit-learn baseline on each variant (by name): for each text variant, the
 * distance threshold is tuned on the whole allsides-2021-dev set of that variant, then applied
 * to every set and half of it. Empty when Python is not usable.
 */
export function baselineF1(variants: readonly LoadedVariant[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const variant of VARIANTS) {
    const these = variants.filter((v) => v.variant === variant);
    const tune = these.find((v) => v.set === 'allsides-2021-dev' && v.half === 'all') ?? these[0];
    if (!tune) continue;
    const results = runPythonBaseline(
      tune.folder,
      these.map((v) => v.folder),
    );
    results?.forEach((r, i) => {
      const v = these[i];
      if (v) out.set(v.name, bcubed(new Map(Object.entries(r.labels)), v.data.gold).f1);
    });
  }
  return out;
}

/** Mean, minimum and maximum of some numbers. */
export function spread(xs: readonly number[]): { mean: number; min: number; max: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return { mean, min: Math.min(...xs), max: Math.max(...xs) };
}
