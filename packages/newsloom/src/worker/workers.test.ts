import { afterEach, describe, expect, it } from 'vitest';
import { clusterLag } from './roles';
import { workerStatus } from './status';
import { createDeployment, type Deployment, testUrl, until } from './testing/deployment';
import { type FeedServer, politenessViolations, startFeedServer } from './testing/feed-server';
import { fixtureItems } from './testing/fixture-feeds';
import { startWorker, type WorkerProcess } from './testing/worker-process';

const INTERVAL_MS = 120;
const running: WorkerProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const worker of running.splice(0)) worker.proc.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function setUp(hosts: number, feedsPerHost: number, items: number, latencyMs: number) {
  const server: FeedServer = await startFeedServer({
    hosts,
    feedsPerHost,
    items: fixtureItems(items),
    latencyMs,
    lifetimeMs: 400_000,
  });
  cleanups.push(server.close);
  // The feeds are registered once both workers are ready (see the test).
  const deployment: Deployment = await createDeployment(testUrl ?? '', []);
  cleanups.push(deployment.drop);
  return { server, deployment };
}

function worker(url: string, id: string, args: readonly string[]): WorkerProcess {
  const started = startWorker(url, [
    ...['--id', id, '--host-interval-ms', String(INTERVAL_MS), '--schedule-seconds', '0.5'],
    ...args,
  ]);
  running.push(started);
  return started;
}

describe.skipIf(testUrl === undefined)('newsloom worker processes on PostgreSQL', () => {
  it('two workers fetch every feed politely, store each article once, cluster, stop on SIGTERM', async () => {
    const { server, deployment } = await setUp(8, 6, 480, 30);
    const args = ['--concurrency', '4', '--cluster-seconds', '0.5'];
    const workers = [worker(deployment.url, 'w1', args), worker(deployment.url, 'w2', args)];
    // Both ready before any feed is due: else a fast first worker may fetch all 48 alone.
    for (const w of workers) await w.waitFor(/: ready$/, 120_000);
    await deployment.addFeeds(server.feedUrls);
    await until(async () => (await deployment.fetchedFeeds()) === 48, 180_000, 'all feeds');
    await until(async () => (await clusterLag(deployment.store)).lag === 0, 180_000, 'lag 0');
    const status = await workerStatus(deployment.url);
    expect(status.lag.lag).toBe(0);
    expect(status.workers.map((w) => w.workerId).sort()).toEqual(['w1', 'w2']);
    expect(status.clustererPid).toBeTypeOf('number');
    expect(status.queues.fetch?.completed).toBeGreaterThanOrEqual(48);
    for (const w of workers) w.proc.kill('SIGTERM');
    for (const w of workers) expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(politenessViolations(server.logs, INTERVAL_MS)).toEqual([]);
    expect(await deployment.articleCounts()).toEqual([480, 480, 480]);
    for (const w of workers) expect(w.lines.some((line) => line.startsWith('fetched '))).toBe(true);
    const clusterers = workers.filter((w) => w.lines.includes('clusterer: leading'));
    expect(clusterers).toHaveLength(1);
    expect((await deployment.store.getStories()).length).toBeGreaterThan(0);
    const requests = [...server.logs.values()].reduce((sum, log) => sum + log.length, 0);
    expect(requests).toBeGreaterThanOrEqual(48);
  }, 400_000);
});
