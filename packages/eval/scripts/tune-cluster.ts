// Grid search of the join threshold (and optionally other options) on one dev set:
//   node --conditions=@newsloom/source --import tsx scripts/tune-cluster.ts allsides-2021-dev
import { join } from 'node:path';
import { type ClusterOptions, clusterArticles } from '@newsloom/cluster';
import { assignmentFromStories, bcubed, loadClusteringDataset } from '../src/index';
import { clusteringFolders } from './cluster-datasets';

const name = process.argv[2] ?? 'allsides-2021-dev';
const extra = JSON.parse(process.argv[3] ?? '{}') as ClusterOptions;
const folder = clusteringFolders().find((f) => f.endsWith(join('clustering', name)));
if (folder) {
  const data = await loadClusteringDataset(folder);
  for (let t = 0.05; t <= 0.301; t += 0.025) {
    const stories = clusterArticles(data.articles, { ...extra, threshold: t });
    const b = bcubed(assignmentFromStories(stories), data.gold);
    console.log(
      `threshold ${t.toFixed(3)}  B3 P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(4)}  stories ${stories.length}`,
    );
  }
}
