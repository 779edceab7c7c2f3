// `pnpm --filter newsloom bench:pipeline [sizes…] [--cache] [--threads N]`: full and incremental digest runs
// on a replay of the bundled real articles at 10k and 100k articles (pass 1000000 for 1M), each
// step in its own process (wall time includes process start; peak RSS is the process's maxRSS;
// CPU counts every thread). The incremental run adds 1,000 new articles to a store whose state
// is current. With --cache (always for 1M and more) the built store of a size is kept in the
// cache folder (bench/cache.ts) and the next run's full digest starts from a copy of it; from
// 1M the digested store is kept too, and the next run measures only the incremental run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedStorePath, copyStore } from './cache';
import { hasSource, SOURCE } from './replay';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
// --threads N: the summarise stage's worker threads (1: in the digest's own thread), to compare.
const threadsAt = args.indexOf('--threads');
const threads = threadsAt >= 0 ? args.splice(threadsAt, 2)[1] : undefined;
const sizes = args.map(Number).filter((n) => n > 0);
const useCache = (size: number) => args.includes('--cache') || size >= 1_000_000;
const NEW = 1000;

type Step = Record<string, number | string>;

function child(...childArgs: string[]): Step {
  const run = spawnSync(
    process.execPath,
    ['--conditions=@newsloom/source', '--import', 'tsx', join(here, 'child.ts'), ...childArgs],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: threads ? { ...process.env, BENCH_THREADS: threads } : process.env,
    },
  );
  if (run.status !== 0) throw new Error(`child ${childArgs.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
}

const seconds = (ms: number | string | undefined) => `${(Number(ms) / 1000).toFixed(1)} s`;
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

function row(size: number, name: string, r: Step): string {
  return `| ${size.toLocaleString('en')} | ${name} | ${seconds(r.ms)} (CPU ${seconds(r.cpuMs)}) | ${r.stageMs} | ${r.rssMb} MB | ${r.newArticles} | ${r.touched} | ${r.summarized} | ${r.quarantined} | ${r.snapshotKb} KB | ${r.load} |`;
}

/** Sizes whose full digest a cached run skips: it takes more than an hour (see README). */
const SKIP_FULL_FROM = 1_000_000;

/** The store of `size` articles as built: from the cache, else built (and cached). */
function storedStore(size: number, db: string): void {
  const cached = cachedStorePath(size, 'stored');
  if (useCache(size) && existsSync(cached)) {
    copyStore(cached, db);
    return;
  }
  const build = child('add', db, '0', String(size));
  console.log(
    `| ${size.toLocaleString('en')} | store ${build.added} articles | ${seconds(build.ms)} (CPU ${seconds(build.cpuMs)}) | | ${build.rssMb} MB | | | | | | ${build.load} |`,
  );
  if (useCache(size)) copyStore(db, cached);
}

/**
 * The store of `size` articles with a current state. A full digest from an empty state is
 * measured at every run (from the cached built store with --cache), except from
 * {@link SKIP_FULL_FROM} articles when the digested store is cached.
 */
function digestedStore(size: number, db: string): void {
  const digested = cachedStorePath(size, 'digested');
  if (size >= SKIP_FULL_FROM && useCache(size) && existsSync(digested)) {
    copyStore(digested, db);
    console.log(
      `| ${size.toLocaleString('en')} | store and full digest: cached (${digested}) | | | | | | | | | |`,
    );
    return;
  }
  storedStore(size, db);
  console.log(row(size, 'full digest', child('digest', db)));
  if (useCache(size)) copyStore(db, digested);
}

function benchSize(size: number, dir: string): void {
  const db = join(dir, `bench-${size}.db`);
  digestedStore(size, db);
  const add = child('add', db, String(size), String(size + NEW));
  console.log(
    `| ${size.toLocaleString('en')} | store ${add.added} more | ${seconds(add.ms)} (CPU ${seconds(add.cpuMs)}) | | ${add.rssMb} MB | | | | | | ${add.load} |`,
  );
  console.log(row(size, `incremental digest (${NEW} new)`, child('digest', db)));
}

if (!hasSource()) {
  console.log(`skipped: ${SOURCE} is missing (the bench replays that data set)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-bench-pipeline-'));
  try {
    console.log(
      `${new Date().toISOString()}, ${load()} at the start, summarise threads: ${threads ?? 'default'}`,
    );
    console.log(
      '| store size | run | wall (CPU) | cluster / summarize / edition ms | peak RSS | articles read | stories touched | summarised | quarantined | snapshot | load |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) benchSize(size, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
