// Benchmark: analyzeCoverage on a synthetic world (default 1M articles, 10k outlets, 200k stories).
// Run: pnpm --filter @newsloom/coverage bench (pinned to one core with taskset when available).
// Sizes: BENCH_ARTICLES, BENCH_OUTLETS, BENCH_STORIES; runs: BENCH_RUNS (default 3).
import { analyzeCoverage, coverageMatrixToCsv } from '../src/index';
import { buildWorld } from './synthetic';

const size = {
  articles: Number(process.env.BENCH_ARTICLES ?? 1_000_000),
  outlets: Number(process.env.BENCH_OUTLETS ?? 10_000),
  stories: Number(process.env.BENCH_STORIES ?? 200_000),
};
const runs = Number(process.env.BENCH_RUNS ?? 3);

const built = performance.now();
const world = buildWorld(size);
console.log(
  `world: ${world.articles.length} articles, ${world.outlets.length} outlets, ${world.stories.length} stories ` +
    `(built in ${((performance.now() - built) / 1000).toFixed(1)} s)`,
);
const times: number[] = [];
let report: ReturnType<typeof analyzeCoverage> | undefined;
const collect = (globalThis as { gc?: () => void }).gc;
for (let run = 0; run < runs; run += 1) {
  // Collect the world's construction garbage first, so it is not billed to the analysis.
  collect?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  report = analyzeCoverage(world, { minority: { attributes: ['lean'] } });
  times.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `run ${run + 1}: analyzeCoverage ${times[run]?.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`,
  );
}
if (report) {
  const csvStarted = performance.now();
  const csv = coverageMatrixToCsv(report);
  console.log(
    `matrix ${report.matrix.length} cells, ${report.matrix.filter((c) => c.syndicated).length} syndicated; ` +
      `CSV ${(csv.length / 1e6).toFixed(0)} MB in ${((performance.now() - csvStarted) / 1000).toFixed(2)} s`,
  );
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `median analyzeCoverage: ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} s (target < 10 s)`,
);
