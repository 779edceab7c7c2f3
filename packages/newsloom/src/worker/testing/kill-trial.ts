// One kill trial (the kill test runs one, `bench:workers --kill-trials N` runs N): two fetch
// workers, one SIGKILLed after its 8th feed; then two clusterers, the leader SIGKILLed mid-run.
// Returns what the checks need: article counts, politeness, the state after the kill, the
// takeover time, and the stories beside those of one process over the same articles.
import type { Story } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createPipeline } from '../../pipeline/create-pipeline';
import { clusterLag } from '../roles';
import { createDeployment, type Deployment, until } from './deployment';
import { politenessViolations, startFeedServer } from './feed-server';
import { fixtureItems } from './fixture-feeds';
import { startWorker, type WorkerProcess } from './worker-process';

const INTERVAL_MS = 80;
/** Articles served (each in two feeds). */
export const KILL_TRIAL_ITEMS = 2400;

/** What one kill trial saw. */
export interface KillTrialResult {
  /** [rows, distinct ids, distinct canonical URLs] of the articles table. */
  counts: [number, number, number];
  violations: string[];
  victimSignal: NodeJS.Signals | null;
  survivorCodes: (number | null)[];
  /** Revision of the state right after the leader was killed (undefined: nothing committed). */
  revisionAfterKill: number | undefined;
  /** From the leader's death until the other clusterer led. */
  takeoverMs: number;
  /** Story id → sorted article ids, of the workers and of one process in memory. */
  stories: Record<string, string[]>;
  singleProcess: Record<string, string[]>;
}

/**
 * Runs one trial against the server at `baseUrl` (a fresh schema, dropped after).
 * @example const result = await killTrial(testUrl)
 */
export async function killTrial(baseUrl: string): Promise<KillTrialResult> {
  const server = await startFeedServer({
    ...{ hosts: 10, feedsPerHost: 8, items: fixtureItems(KILL_TRIAL_ITEMS), latencyMs: 40 },
    lifetimeMs: 480_000,
  });
  const deployment = await createDeployment(baseUrl, server.feedUrls);
  const running: WorkerProcess[] = [];
  const worker = (id: string, args: readonly string[]) => {
    const started = startWorker(deployment.url, [
      ...['--id', id, '--host-interval-ms', String(INTERVAL_MS), '--schedule-seconds', '0.5'],
      ...['--lease-seconds', '3', '--takeover-seconds', '1', ...args],
    ]);
    running.push(started);
    return started;
  };
  try {
    const fetched = await fetchPhase(deployment, worker);
    const violations = politenessViolations(server.logs, INTERVAL_MS);
    const counts = await deployment.articleCounts();
    const clustered = await clusterPhase(deployment, worker);
    return {
      ...fetched,
      ...clustered,
      counts,
      violations,
      survivorCodes: [fetched.survivorCode, clustered.survivorCode],
      stories: memberships(await deployment.store.getStories()),
      singleProcess: memberships(await singleProcessStories(deployment)),
    };
  } finally {
    for (const started of running) started.proc.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exited));
    await deployment.drop().catch(() => undefined);
    await server.close();
  }
}

type StartWorker = (id: string, args: readonly string[]) => WorkerProcess;

async function fetchPhase(deployment: Deployment, worker: StartWorker) {
  const args = ['--roles', 'fetch', '--concurrency', '4'];
  const [victim, survivor] = [worker('f1', args), worker('f2', args)];
  await until(
    async () => victim.lines.filter((l) => l.startsWith('fetched ')).length >= 8,
    90_000,
    'the first worker fetching 8 feeds',
  );
  victim.proc.kill('SIGKILL');
  const victimSignal = (await victim.exited).signal;
  await until(async () => (await deployment.fetchedFeeds()) === 80, 180_000, 'all feeds');
  survivor.proc.kill('SIGTERM');
  return { victimSignal, survivorCode: (await survivor.exited).code };
}

async function clusterPhase(deployment: Deployment, worker: StartWorker) {
  const args = ['--roles', 'cluster', '--cluster-seconds', '0.2'];
  const clusterers = [worker('c1', args), worker('c2', args)];
  const leader = await Promise.race(
    clusterers.map((c) => c.waitFor(/^cluster: start/, 120_000).then(() => c)),
  );
  leader.proc.kill('SIGKILL');
  const killedAt = Date.now();
  await leader.exited;
  const revisionAfterKill = (await clusterLag(deployment.store)).revision;
  const survivor = clusterers.find((c) => c !== leader) as WorkerProcess;
  // Clustering resumes when the survivor starts its run from the committed state.
  await survivor.waitFor(/^clusterer: leading/, 60_000);
  const takeoverMs = Date.now() - killedAt;
  await until(async () => (await clusterLag(deployment.store)).lag === 0, 180_000, 'lag 0');
  survivor.proc.kill('SIGTERM');
  return { revisionAfterKill, takeoverMs, survivorCode: (await survivor.exited).code };
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
