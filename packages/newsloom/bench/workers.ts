// pnpm bench:workers — throughput of 1 vs 2 `newsloom worker` processes fetching 2,000 feeds
// from a local feed server that adds 100 ms to every response (each worker fetches 8 feeds at
// once), then the clusterer's rate over everything they stored. Real articles from
// ../shared/data when present (AllSides + BBC 2005), else the fixture generator. Each worker
// runs in a session of its own and prints where its slots spent their time (fetchPhaseMs).
// BENCH_ROUNDS (default 3) and BENCH_WORKERS (default 1,2) choose the runs. Other modes:
//   --kill-trials N    N kill trials (src/worker/testing/kill-trial.ts), each reported
//   --cluster-rate N   articles arriving at N/s for BENCH_SECONDS (default 20) while one
//                      clusterer runs; its lag sampled, CPU per 1,000 articles (needs
//                      ../shared/data)
// Needs NEWSLOOM_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { clusterLag } from '../src/worker/roles';
import { createDeployment, type Deployment, until } from '../src/worker/testing/deployment';
import { politenessViolations, startFeedServer } from '../src/worker/testing/feed-server';
import { type FixtureItem, fixtureItems } from '../src/worker/testing/fixture-feeds';
import { startWorker, type WorkerProcess } from '../src/worker/testing/worker-process';
import { clusterRateRun } from './cluster-rate';
import { cpuSecondsOf, startCpuMeter } from './cpu';
import { runKillTrials } from './kill-trials';
import { hasSource, SOURCE } from './replay';

const URL_ = process.env.NEWSLOOM_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const HOSTS = 200;
const FEEDS_PER_HOST = 10;
const LATENCY_MS = 100;
const INTERVAL_MS = 100;
const CONCURRENCY = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DATA = join(import.meta.dirname, '../../../../shared/data');

function realItems(): FixtureItem[] | undefined {
  const files = ['clustering/allsides-2021-dev/articles.jsonl', 'text/bbc-2005/articles.jsonl'];
  if (!files.every((file) => existsSync(join(DATA, file)))) return undefined;
  const base = Date.UTC(2026, 0, 5);
  return files.flatMap((file) =>
    readFileSync(join(DATA, file), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, n) => {
        const a = JSON.parse(line) as Record<string, string | undefined>;
        const body = a.summary ?? a.text ?? '';
        return {
          id: String(a.id),
          title: a.title ?? String(a.id),
          description: body.slice(0, 600),
          publishedAt: a.publishedAt ?? new Date(base + n * 60_000).toISOString(),
        };
      }),
  );
}

async function fetchRun(items: FixtureItem[], workers: number) {
  const server = await startFeedServer({
    hosts: HOSTS,
    feedsPerHost: FEEDS_PER_HOST,
    items,
    latencyMs: LATENCY_MS,
  });
  const deployment = await createDeployment(URL_, server.feedUrls);
  const args = ['--roles', 'fetch', '--concurrency', String(CONCURRENCY)];
  const common = ['--host-interval-ms', String(INTERVAL_MS), '--schedule-seconds', '1', '--json'];
  const procs = Array.from({ length: workers }, (_, i) =>
    startWorker(deployment.url, [...args, ...common, '--id', `bench${i}`], { ownSession: true }),
  );
  try {
    await until(async () => firstRequest(server.logs) !== undefined, 120_000, 'a first request');
    // CPU from the first request on: the workers' start (tsx compiling the sources) is not work.
    const meter = startCpuMeter();
    const started = procs.map((p) => cpuSecondsOf(p.proc.pid));
    await until(
      async () => (await deployment.fetchedFeeds()) === server.feedUrls.length,
      600_000,
      'all feeds',
    );
    const seconds = (performance.now() - (firstRequest(server.logs) ?? 0)) / 1000;
    const [articles] = await deployment.articleCounts();
    const violations = politenessViolations(server.logs, INTERVAL_MS).length;
    const cpuSeconds = procs.reduce(
      (sum, p, i) => sum + cpuSecondsOf(p.proc.pid) - (started[i] ?? 0),
      0,
    );
    const cpu = meter.stop();
    for (const proc of procs) proc.proc.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    const phases = procs.map(summaryOf);
    return { deployment, seconds, articles, violations, cpuSeconds, cpu, phases };
  } finally {
    for (const proc of procs) proc.proc.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await server.close();
  }
}

/** The worker's --json summary printed when it stopped. */
function summaryOf(worker: WorkerProcess): Record<string, unknown> {
  const start = worker.lines.lastIndexOf('{');
  try {
    return JSON.parse(worker.lines.slice(start).join('\n')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function firstRequest(logs: ReadonlyMap<string, readonly { start: number }[]>): number | undefined {
  const starts = [...logs.values()].flat().map((entry) => entry.start);
  return starts.length === 0 ? undefined : Math.min(...starts);
}

async function clusterRun(deployment: Deployment) {
  const lagBefore = (await clusterLag(deployment.store)).lag;
  const proc = startWorker(deployment.url, ['--roles', 'cluster', '--cluster-seconds', '0.2'], {
    ownSession: true,
  });
  const line = await proc.waitFor(/^cluster: committed/, 600_000);
  await until(async () => (await clusterLag(deployment.store)).lag === 0, 600_000, 'lag 0');
  proc.proc.kill('SIGTERM');
  await proc.exited;
  const rate = Number(/\((\d+)\/s\)/.exec(line)?.[1] ?? 0);
  return { lagBefore, rate, line };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const killArg = process.argv.indexOf('--kill-trials');
if (killArg > 0) {
  const trials = Number(process.argv[killArg + 1] ?? 10);
  console.log(
    `${trials} kill trials; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const passed = await runKillTrials(URL_, trials);
  process.exit(passed === trials ? 0 : 1);
}
const rateArg = process.argv.indexOf('--cluster-rate');
if (rateArg > 0) {
  const rate = Number(process.argv[rateArg + 1] ?? 2500);
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  if (!hasSource()) {
    console.log(`dataset missing: ${SOURCE} (from ../shared/data); --cluster-rate needs it`);
    process.exit(0);
  }
  console.log(`cluster rate: ${rate} articles/s arriving for ${seconds} s`);
  console.log(JSON.stringify(await clusterRateRun(URL_, rate, seconds)));
  process.exit(0);
}
const items = realItems() ?? fixtureItems(3000);
console.log(
  `${items.length} articles (${realItems() ? 'real: AllSides + BBC 2005' : 'fixtures'}), ${HOSTS * FEEDS_PER_HOST} feeds on ${HOSTS} hosts, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}/worker, ${ROUNDS} rounds`,
);
console.log(
  `${cpus().length} cores; load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const results: Record<number, number[]> = { 1: [], 2: [] };
const clusterRates: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const workers of (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number)) {
    const run = await fetchRun(items, workers);
    const feedsPerSecond = (HOSTS * FEEDS_PER_HOST) / run.seconds;
    results[workers]?.push(feedsPerSecond);
    console.log(
      `round ${round + 1}, ${workers} worker(s): ${run.seconds.toFixed(1)} s, ${feedsPerSecond.toFixed(1)} feeds/s, ${run.articles} articles, ${run.violations} politeness violations, worker CPU ${run.cpuSeconds.toFixed(1)} s (${((run.cpuSeconds * 1000) / (HOSTS * FEEDS_PER_HOST)).toFixed(1)} ms/feed), postgres ${run.cpu.postgres.toFixed(1)} s, bench ${run.cpu.bench.toFixed(1)} s`,
    );
    for (const p of run.phases) console.log('   ', JSON.stringify(p));
    if (workers === 2) {
      const cluster = await clusterRun(run.deployment);
      clusterRates.push(cluster.rate);
      console.log(`  clusterer: lag ${cluster.lagBefore} -> 0; ${cluster.line}`);
    }
    await run.deployment.drop();
  }
}
const [one, two] = [median(results[1] ?? []), median(results[2] ?? [])];
console.log(
  `median feeds/s: 1 worker ${one.toFixed(1)}, 2 workers ${two.toFixed(1)}, ratio ${(two / one).toFixed(2)}x (target >= 1.6x)`,
);
console.log(`median clusterer rate: ${median(clusterRates)} articles/s (target >= 2000)`);
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
