// Prints clustering metrics for every <repo>/../shared/data/clustering/* set, for newsloom's
// clusterer and the scikit-learn baseline (run in the same invocation):
//   pnpm --filter @newsloom/eval eval:cluster
// With --scaling it then times both on allsides-2021-dev replayed to increasing sizes (same files
// for both; --sizes=959,2000,5000,10000 by default) and prints CPU time and B-cubed F1 per size:
//   pnpm --filter @newsloom/eval eval:cluster --scaling [--sizes=959,2000]
// It also prints B-cubed F1 on the titles-only and title + first sentence variants of every set
// and on each half (stories of the first and second half in time), both systems, with the mean
// and spread (see cluster-variants.ts; made at run time, never committed).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterArticles } from '@newsloom/cluster';
import {
  type Assignment,
  adjustedRandIndex,
  assignmentFromStories,
  bcubed,
  type ClusteringDataset,
  clusterCounts,
  loadClusteringDataset,
  pairwise,
} from '../src/index';
import { clusteringFolders } from './cluster-datasets';
import { printVariants } from './print-variants';
import { writeReplay } from './replay-dataset';
import { runPythonBaseline } from './run-python-baseline';

const SCALING_SIZES = [959, 2000, 5000, 10_000];
const SCALING_REPEATS = 3;
const BUDGET_SECONDS = 120; // a baseline run slower than this (wall) stops the larger sizes

const pct = (x: number): string => x.toFixed(4);

function row(
  system: string,
  data: ClusteringDataset,
  predicted: Assignment,
  seconds: number,
): string {
  const b = bcubed(predicted, data.gold);
  const p = pairwise(predicted, data.gold);
  const c = clusterCounts(predicted, data.gold);
  return [
    data.name.padEnd(20),
    system.padEnd(9),
    `B3 P ${pct(b.precision)} R ${pct(b.recall)} F1 ${pct(b.f1)}`,
    `pair P ${pct(p.precision)} R ${pct(p.recall)} F1 ${pct(p.f1)}`,
    `ARI ${pct(adjustedRandIndex(predicted, data.gold))}`,
    `clusters ${c.predicted}/${c.gold} (singletons ${c.predictedSingletons}/${c.goldSingletons})`,
    `${(seconds * 1000).toFixed(1)} ms CPU`,
  ].join('  ');
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timeNewsloom(data: ClusteringDataset): { predicted: Assignment; seconds: number } {
  for (let i = 0; i < 3; i++) clusterArticles(data.articles); // warm-up (JIT, stem memo), not timed
  const runs: number[] = [];
  let predicted: Assignment = new Map();
  // CPU time (all threads), like the baseline's process_time: wall time is noise on a shared machine.
  for (let i = 0; i < 7; i++) {
    const start = process.cpuUsage();
    predicted = assignmentFromStories(clusterArticles(data.articles));
    runs.push(cpuSeconds(start));
  }
  return { predicted, seconds: median(runs) }; // median of 7
}

const ms = (seconds: number): string => `${Math.round(seconds * 1000).toLocaleString('en')} ms`;

/**
 * CPU seconds of `clusterArticles` alone (not `assignmentFromStories`, not loading): one warm-up
 * run on the same articles (reported as `cold`), then the median of SCALING_REPEATS runs.
 */
function timeScaled(data: ClusteringDataset): {
  predicted: Assignment;
  cold: number;
  cpu: number;
  wall: number;
} {
  let start = process.cpuUsage();
  clusterArticles(data.articles);
  const cold = cpuSeconds(start);
  const cpu: number[] = [];
  const wall: number[] = [];
  let stories: ReturnType<typeof clusterArticles> = [];
  for (let i = 0; i < SCALING_REPEATS; i++) {
    const t0 = performance.now();
    start = process.cpuUsage();
    stories = clusterArticles(data.articles);
    cpu.push(cpuSeconds(start));
    wall.push((performance.now() - t0) / 1000);
  }
  return { predicted: assignmentFromStories(stories), cold, cpu: median(cpu), wall: median(wall) };
}

async function scaling(devFolder: string, threshold: number | undefined): Promise<void> {
  const sizesFlag = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesFlag
    ? sizesFlag.slice('--sizes='.length).split(',').map(Number)
    : SCALING_SIZES;
  console.log(
    `\nscaling: ${devFolder} replayed (shifted dates, unique ids/urls, labels replayed); CPU time, median of ${SCALING_REPEATS}`,
  );
  console.log(
    'articles | newsloom CPU (cold) | baseline CPU | CPU ratio | newsloom wall | baseline wall | B3 F1 newsloom | B3 F1 baseline',
  );
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-scaling-'));
  let baselineOn = threshold !== undefined;
  try {
    for (const size of sizes) {
      const folder = join(dir, `allsides-2021-dev-x${size}`);
      mkdirSync(folder);
      writeReplay(devFolder, size, folder);
      const data = await loadClusteringDataset(folder);
      const ours = timeScaled(data);
      const theirs = baselineOn
        ? runPythonBaseline(devFolder, [folder], {
            args: [
              '--threshold',
              String(threshold),
              '--repeats',
              String(SCALING_REPEATS),
              '--budget',
              String(BUDGET_SECONDS),
            ],
            timeoutMs: (SCALING_REPEATS * BUDGET_SECONDS + 60) * 1000,
          })?.[0]
        : undefined;
      const cells = [
        size.toLocaleString('en'),
        `${ms(ours.cpu)} (${ms(ours.cold)})`,
        theirs ? ms(theirs.seconds) : '—',
        theirs ? `×${(theirs.seconds / ours.cpu).toFixed(2)}` : '—',
        ms(ours.wall),
        theirs ? ms(median(theirs.wall)) : '—',
        pct(bcubed(ours.predicted, data.gold).f1),
        theirs ? pct(bcubed(new Map(Object.entries(theirs.labels)), data.gold).f1) : '—',
      ];
      console.log(cells.join(' | '));
      if (baselineOn && !theirs) {
        console.log(
          `baseline stopped at ${size.toLocaleString('en')} articles; larger sizes newsloom only`,
        );
        baselineOn = false;
      } else if (theirs?.over_budget) {
        console.log(
          `baseline: one run took ${theirs.wall[0]?.toFixed(0)} s wall (> ${BUDGET_SECONDS} s): not repeated, larger sizes newsloom only`,
        );
        baselineOn = false;
      }
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const folders = clusteringFolders();
if (folders.length > 0) {
  const sets = await Promise.all(folders.map(loadClusteringDataset));
  const tune = folders.find((f) => f.endsWith('allsides-2021-dev')) ?? folders[0] ?? '';
  const baseline = runPythonBaseline(tune, folders);
  if (baseline?.[0]) {
    console.log(
      `baseline: ${baseline[0].implementation}, distance threshold ${baseline[0].threshold} tuned on ${tune}`,
    );
  }
  for (const data of sets) {
    const ours = timeNewsloom(data);
    console.log(row('newsloom', data, ours.predicted, ours.seconds));
    const theirs = baseline?.find((b) => b.set === data.name);
    if (theirs) {
      console.log(row('baseline', data, new Map(Object.entries(theirs.labels)), theirs.seconds));
      console.log(`${''.padEnd(20)} speed-up ×${(theirs.seconds / ours.seconds).toFixed(1)}`);
    }
  }
  await printVariants();
  const dev = folders.find((f) => f.endsWith('allsides-2021-dev'));
  if (process.argv.includes('--scaling')) {
    if (dev) await scaling(dev, baseline?.[0]?.threshold);
    else console.log('scaling skipped: allsides-2021-dev missing');
  }
}
