// Grid search of one numeric clustering option on one dev set, the others as given:
//   node --conditions=@newsloom/source --import tsx scripts/tune-cluster.ts allsides-2021-dev
//   … tune-cluster.ts basil '{"timeScaleHours":42}' regroupThreshold 0.1 0.3 0.02
// Arguments: set name, options JSON (default {}), option to sweep (default threshold), from, to,
// step (default 0.05 to 0.30 by 0.025).
import { join } from 'node:path';
import { type ClusterOptions, clusterArticles } from '@newsloom/cluster';
import { assignmentFromStories, bcubed, loadClusteringDataset } from '../src/index';
import { clusteringFolders } from './cluster-datasets';

const [name = 'allsides-2021-dev', json = '{}', param = 'threshold', ...range] =
  process.argv.slice(2);
const [from, to, step] = [range[0] ?? '0.05', range[1] ?? '0.3', range[2] ?? '0.025'].map(Number);
const extra = JSON.parse(json) as ClusterOptions;
const folders = clusteringFolders();
const folder = folders.find((f) => f.endsWith(join('clustering', name)));
if (folders.length > 0 && !folder) {
  console.log(
    `no clustering set named ${name}; have: ${folders.map((f) => f.split(/[\\/]/).pop()).join(', ')}`,
  );
} else if (!(step && step > 0 && from !== undefined && to !== undefined)) {
  console.log('usage: tune-cluster.ts <set> [options JSON] [option] [from] [to] [step]');
} else if (folder) {
  const data = await loadClusteringDataset(folder);
  for (let i = 0; from + i * step <= to + 1e-9; i++) {
    const value = Number((from + i * step).toFixed(6));
    const stories = clusterArticles(data.articles, { ...extra, [param]: value });
    const b = bcubed(assignmentFromStories(stories), data.gold);
    console.log(
      `${param} ${value}  B3 P ${b.precision.toFixed(3)} R ${b.recall.toFixed(3)} F1 ${b.f1.toFixed(4)}  stories ${stories.length}`,
    );
  }
}
