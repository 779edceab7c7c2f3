// Prints clustering metrics for every <repo>/../shared/data/clustering/* set, for newsloom's
// clusterer and the scikit-learn baseline (run in the same invocation):
//   pnpm --filter @newsloom/eval eval:cluster
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
import { runPythonBaseline } from './run-python-baseline';

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

function timeNewsloom(data: ClusteringDataset): { predicted: Assignment; seconds: number } {
  for (let i = 0; i < 3; i++) clusterArticles(data.articles); // warm-up (JIT, stem memo), not timed
  const runs: number[] = [];
  let predicted: Assignment = new Map();
  // CPU time (all threads), like the baseline's process_time: wall time is noise on a shared machine.
  for (let i = 0; i < 7; i++) {
    const start = process.cpuUsage();
    predicted = assignmentFromStories(clusterArticles(data.articles));
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return { predicted, seconds: runs[3] ?? 0 }; // median of 7
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
}
