import type { Story } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline/create-pipeline';
import { clusterLag } from './roles';
import { createDeployment, type Deployment, testUrl, until } from './testing/deployment';
import { politenessViolations, startFeedServer } from './testing/feed-server';
import { fixtureItems } from './testing/fixture-feeds';
import { startWorker, type WorkerProcess } from './testing/worker-process';

const INTERVAL_MS = 80;
const ITEMS = 2400;
const running: WorkerProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const worker of running.splice(0)) worker.proc.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function worker(deployment: Deployment, id: string, args: readonly string[]): WorkerProcess {
  const started = startWorker(deployment.url, [
    ...['--id', id, '--host-interval-ms', String(INTERVAL_MS), '--schedule-seconds', '0.5'],
    ...['--lease-seconds', '3', '--takeover-seconds', '1', ...args],
  ]);
  running.push(started);
  return started;
}

/** Story id → its sorted article ids. */
function memberships(stories: readonly Story[]): Record<string, string[]> {
  const entries = stories.map((s) => [s.id, [...s.articleIds].sort()] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The stories one process makes from the same stored articles, in memory. */
async function singleProcessStories(deployment: Deployment): Promise<Story[]> {
  const pipeline = createPipeline({ store: createMemoryStore() });
  const articles = [];
  for await (const article of deployment.store.queryArticles()) articles.push(article);
  await pipeline.store.upsertArticles(articles);
  await pipeline.cluster();
  return pipeline.store.getStories();
}

async function fetchPhase(deployment: Deployment) {
  const args = ['--roles', 'fetch', '--concurrency', '4'];
  const [victim, survivor] = [worker(deployment, 'f1', args), worker(deployment, 'f2', args)];
  let fetchedByVictim = 0;
  await victim.waitFor(/^fetched /);
  await until(
    async () => {
      fetchedByVictim = victim.lines.filter((l) => l.startsWith('fetched ')).length;
      return fetchedByVictim >= 8;
    },
    60_000,
    'the first worker fetching 8 feeds',
  );
  victim.proc.kill('SIGKILL');
  expect((await victim.exited).signal).toBe('SIGKILL');
  await until(async () => (await deployment.fetchedFeeds()) === 80, 180_000, 'all feeds');
  survivor.proc.kill('SIGTERM');
  expect((await survivor.exited).code).toBe(0);
}

async function clusterPhase(deployment: Deployment) {
  const args = ['--roles', 'cluster', '--cluster-seconds', '0.2'];
  const clusterers = [worker(deployment, 'c1', args), worker(deployment, 'c2', args)];
  const leader = await Promise.race(
    clusterers.map((c) => c.waitFor(/^cluster: start/).then(() => c)),
  );
  leader.proc.kill('SIGKILL');
  const killedAt = Date.now();
  await leader.exited;
  const afterKill = await clusterLag(deployment.store);
  const survivor = clusterers.find((c) => c !== leader);
  // Clustering resumes when the survivor starts its run from the committed state.
  await survivor?.waitFor(/^clusterer: leading/, 60_000);
  const takeoverMs = Date.now() - killedAt;
  await until(async () => (await clusterLag(deployment.store)).lag === 0, 180_000, 'lag 0');
  survivor?.proc.kill('SIGTERM');
  expect((await survivor?.exited)?.code).toBe(0);
  return { afterKill, takeoverMs };
}

describe.skipIf(testUrl === undefined)('killed newsloom workers', () => {
  it('a worker SIGKILLed mid-fetch and the clusterer SIGKILLed mid-run lose and duplicate nothing', async () => {
    const server = await startFeedServer({
      hosts: 10,
      feedsPerHost: 8,
      items: fixtureItems(ITEMS),
      latencyMs: 40,
      lifetimeMs: 480_000,
    });
    cleanups.push(server.close);
    const deployment = await createDeployment(testUrl ?? '', server.feedUrls);
    cleanups.push(deployment.drop);
    await fetchPhase(deployment);
    expect(politenessViolations(server.logs, INTERVAL_MS)).toEqual([]);
    expect(await deployment.articleCounts()).toEqual([ITEMS, ITEMS, ITEMS]);
    const { afterKill, takeoverMs } = await clusterPhase(deployment);
    // Killed before its commit: nothing of the run was stored.
    expect(afterKill.revision).toBeUndefined();
    expect(takeoverMs).toBeLessThan(30_000);
    const stories = await deployment.store.getStories();
    expect(memberships(stories)).toEqual(memberships(await singleProcessStories(deployment)));
  }, 480_000);
});
