// `bench:workers --cluster-rate N`: articles arrive in the store at N per second (the bundled
// real articles replayed, in batches every 100 ms, as fetch workers' group commits would) while
// one `newsloom worker --roles cluster` clusters them; the lag is sampled throughout, and the
// CPU of the writers, the clusterer and PostgreSQL is reported per 1,000 articles (compare
// those on a loaded machine). BENCH_CLUSTER_LOG=1 prints the clusterer's lines (each pass).
import type { Article } from '@newsloom/core';
import { openPostgresStore } from '@newsloom/store-postgres';
import { clusterLag } from '../src/worker/roles';
import { createDeployment, until } from '../src/worker/testing/deployment';
import { startWorker } from '../src/worker/testing/worker-process';
import { cpuSecondsOf, startCpuMeter } from './cpu';
import { loadSource, replay } from './replay';

/** What the clusterer did while articles arrived at `rate` per second for `seconds`. */
export interface ClusterRateResult {
  arrived: number;
  /** Articles per second actually stored (the store may fall behind the target). */
  arrivalRate: number;
  /** Articles clustered per second from the first arrival until the lag was 0 again. */
  clusterRate: number;
  maxLag: number;
  /** Lag when the last batch arrived, and the time (ms) to bring it to 0 afterwards. */
  lagAtEnd: number;
  drainMs: number;
  passes: number;
  /**
   * CPU milliseconds per 1,000 articles from the first batch until the lag was 0: the bench
   * process (the writers, as fetch workers would spend it, and the lag sampler), the
   * clusterer process, and every PostgreSQL process.
   */
  cpuMsPer1000: { writers: number; clusterer: number; postgres: number };
}

const TICK_MS = 100;
const WRITERS = 4;

/**
 * Runs the arrival and the clusterer, and samples `lag = latest sequence − watermark`.
 * @example const result = await clusterRateRun(url, 2500, 20)
 */
export async function clusterRateRun(
  url: string,
  rate: number,
  seconds: number,
): Promise<ClusterRateResult> {
  const base = await loadSource();
  const deployment = await createDeployment(url, []);
  const clusterer = startWorker(
    deployment.url,
    ['--roles', 'cluster', '--cluster-seconds', '0.1'],
    {
      ownSession: true,
    },
  );
  let maxLag = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      maxLag = Math.max(maxLag, (await clusterLag(deployment.store)).lag);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    await clusterer.waitFor(/^clusterer: leading/, 120_000);
    const total = rate * seconds;
    const batches = beforeNow([...replay(base, 0, total, Math.round((rate * TICK_MS) / 1000))]);
    const writers = await openPostgresStore({ url: deployment.url, pool: { max: WRITERS } });
    const run = await measured(clusterer.proc.pid, total, async () => {
      const started = performance.now();
      await arrive(writers.upsertArticles, batches, started);
      const arrivedMs = performance.now() - started;
      const lagAtEnd = (await clusterLag(deployment.store)).lag;
      await until(async () => (await clusterLag(deployment.store)).lag === 0, 600_000, 'lag 0');
      return { arrivedMs, lagAtEnd, doneMs: performance.now() - started };
    }).finally(() => writers.close());
    const { arrivedMs, lagAtEnd, doneMs, cpuMsPer1000 } = run;
    return {
      arrived: total,
      arrivalRate: Math.round((total * 1000) / arrivedMs),
      clusterRate: Math.round((total * 1000) / doneMs),
      maxLag,
      lagAtEnd,
      drainMs: Math.round(doneMs - arrivedMs),
      passes: clusterer.lines.filter((line) => line.startsWith('cluster: committed')).length,
      cpuMsPer1000,
    };
  } finally {
    if (process.env.BENCH_CLUSTER_LOG === '1') console.error(clusterer.lines.join('\n'));
    sampling = false;
    await sampler;
    clusterer.proc.kill('SIGTERM');
    await clusterer.exited;
    await deployment.drop();
  }
}

/** `work`'s result with the CPU it took per 1,000 articles (see `cpuMsPer1000`). */
async function measured<T>(
  clustererPid: number | undefined,
  total: number,
  work: () => Promise<T>,
) {
  const meter = startCpuMeter();
  const clustererCpu = cpuSecondsOf(clustererPid);
  const result = await work();
  // Read before the writers' connections close: a backend that ended is not counted.
  const cpu = meter.stop();
  const perThousand = (seconds: number) => Math.round((seconds * 1e6) / total);
  const cpuMsPer1000 = {
    writers: perThousand(cpu.bench),
    clusterer: perThousand(cpuSecondsOf(clustererPid) - clustererCpu),
    postgres: perThousand(cpu.postgres),
  };
  return { ...result, cpuMsPer1000 };
}

/**
 * The replay moved back in time as a whole so that its newest article is a day old: the
 * worker's clock is the system's, and it would quarantine articles from the future.
 */
function beforeNow(batches: Article[][]): Article[][] {
  const newest = Math.max(...batches.flat().map((a) => Date.parse(a.publishedAt)));
  const shift = Math.max(0, newest - (Date.now() - 86_400_000));
  return batches.map((batch) =>
    batch.map((a) => ({
      ...a,
      publishedAt: new Date(Date.parse(a.publishedAt) - shift).toISOString(),
    })),
  );
}

/**
 * Stores batch k at `started + k × 100 ms`, several at once when the store is slower than
 * that (as several workers would), at most `WRITERS` in flight.
 */
async function arrive(
  upsert: (articles: Article[]) => Promise<unknown>,
  batches: readonly Article[][],
  started: number,
): Promise<void> {
  const inFlight = new Set<Promise<unknown>>();
  for (const [k, batch] of batches.entries()) {
    const wait = started + k * TICK_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= WRITERS) await Promise.race(inFlight);
    const write = upsert(batch).finally(() => inFlight.delete(write));
    inFlight.add(write);
  }
  await Promise.all(inFlight);
}
