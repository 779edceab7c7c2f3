// Grid search of one numeric clustering option on one dev set, the others as given:
//   node --conditions=@newsloom/source --import tsx scripts/tune-cluster.ts allsides-2021-dev
//   … tune-cluster.ts basil '{"timeScaleHours":42}' regroupThreshold 0.1 0.3 0.02
// Arguments: set name, options JSON (default {}), option to sweep (default threshold), from, to,
// step (default 0.05 to 0.30 by 0.025). Set name `all` sweeps the mean B-cubed F1 over every set,
// text variant (full, titles, lede) and half (see cluster-variants.ts), printing the spread and
// the titles-only figures too: defaults are chosen on that mean, not on one set.
// NEWSLOOM_WORD_VECTORS=<file from `pnpm --filter @newsloom/embed-words convert`> adds the
// word-vector embedder (borderline pairs only) to the options.
import { join } from 'node:path';
import { type ClusterOptions, clusterArticles } from '@newsloom/cluster';
import { wordVectorEmbedder } from '@newsloom/embed-words';
import { assignmentFromStories, bcubed, loadClusteringDataset } from '../src/index';
import { clusteringFolders } from './cluster-datasets';
import { f1Of, spread, withVariants } from './variant-scores';

const [name = 'allsides-2021-dev', json = '{}', param = 'threshold', ...range] =
  process.argv.slice(2);
const [from = 0.05, to = 0.3, step = 0.025] = [
  range[0] ?? '0.05',
  range[1] ?? '0.3',
  range[2] ?? '0.025',
].map(Number);
const vectors = process.env.NEWSLOOM_WORD_VECTORS;
const extra: ClusterOptions = {
  ...(JSON.parse(json) as ClusterOptions),
  ...(vectors ? { embedder: wordVectorEmbedder(vectors) } : {}),
};
const folders = clusteringFolders();
const values = (): number[] =>
  Array.from({ length: Math.floor((to - from) / step + 1e-9) + 1 }, (_, i) =>
    Number((from + i * step).toFixed(6)),
  );
if (name === 'all') {
  await withVariants((variants) => {
    for (const value of values()) {
      const options = { ...extra, [param]: value };
      const scores = variants.map((v) => ({ v, f1: f1Of(v, options) }));
      const s = spread(scores.map((x) => x.f1));
      const pick = (set: string, variant: string) =>
        scores
          .find((x) => x.v.set === set && x.v.variant === variant && x.v.half === 'all')
          ?.f1.toFixed(4);
      console.log(
        `${param} ${value}  mean ${s.mean.toFixed(4)} (min ${s.min.toFixed(4)} max ${s.max.toFixed(4)})  full ${pick('allsides-2021-dev', 'full')} / ${pick('basil', 'full')}  titles ${pick('allsides-2021-dev', 'titles')} / ${pick('basil', 'titles')}  lede ${pick('allsides-2021-dev', 'lede')} / ${pick('basil', 'lede')}`,
      );
    }
  });
}
const folder = folders.find((f) => f.endsWith(join('clustering', name)));
if (name === 'all') {
  // done above
} else if (folders.length > 0 && !folder) {
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
