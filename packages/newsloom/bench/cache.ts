// A cache of bench stores between runs, keyed by size, the source data's hash and CACHE_VERSION
// (bump it when a change makes older stores unrepresentative): the built store (storing 100k
// articles takes 1–2 min, and is not what the bench measures), and the digested one (a full
// digest of 1M takes more than an hour; the incremental run over it is what the 1M target
// measures).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCE } from './replay';

const CACHE_VERSION = 1;

/** The cache folder: `$NEWSLOOM_BENCH_CACHE`, else `<tmp>/newsloom-bench-cache`. */
export function cacheDir(): string {
  return process.env.NEWSLOOM_BENCH_CACHE ?? join(tmpdir(), 'newsloom-bench-cache');
}

/**
 * Where the store of `size` replayed articles is cached: `stored` as built (no digest yet, what a
 * measured full digest starts from), `digested` after its full digest (what an incremental run
 * starts from when a full digest takes too long to repeat, 1M and more).
 */
export function cachedStorePath(size: number, stage: 'stored' | 'digested'): string {
  const data = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 12);
  const suffix = stage === 'stored' ? '-stored' : '';
  return join(cacheDir(), `pipeline-${size}-${data}-v${CACHE_VERSION}${suffix}.db`);
}

/** Copies a closed SQLite store (and any WAL beside it) from `from` to `to`. */
export function copyStore(from: string, to: string): void {
  mkdirSync(join(to, '..'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${to}${suffix}`, { force: true });
    if (existsSync(`${from}${suffix}`)) copyFileSync(`${from}${suffix}`, `${to}${suffix}.part`);
  }
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(`${to}${suffix}.part`)) renameSync(`${to}${suffix}.part`, `${to}${suffix}`);
  }
}
