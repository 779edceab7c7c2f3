import type { Clock, Fetch } from '@newsloom/core';
import type { FetchFeedOptions } from '@newsloom/feeds';

/** Which parts of the work a worker process does. Default: all. */
export interface WorkerRoles {
  fetch: boolean;
  cluster: boolean;
  summarize: boolean;
  edition: boolean;
}

/**
 * Options of {@link runWorker}.
 * @example runWorker({ url: 'postgres://postgres@db/news', concurrency: 8, signal })
 */
export interface WorkerOptions {
  /** The store: `postgres://…[?schema=name]` (pg-boss lives in schema `<schema>_boss`). */
  url: string;
  /** Names this process in leases, heartbeats and logs. Default: `<hostname>:<pid>`. */
  workerId?: string;
  /** Feeds fetched at once by this process. Default: 8. */
  concurrency?: number;
  roles?: Partial<WorkerRoles>;
  /** Minimum time between two requests to one host, cluster-wide. Default: 1000 ms. */
  hostIntervalMs?: number;
  /** Longest one request may hold its host (a dead worker's host frees after it). Default: 60 s. */
  leaseMs?: number;
  /** How often due feeds are queued. Default: 5000 ms. */
  scheduleEveryMs?: number;
  /** How often the clusterer looks for new articles. Default: 1000 ms. */
  clusterEveryMs?: number;
  /** How often a non-leader tries to become the clusterer. Default: 2000 ms. */
  takeoverEveryMs?: number;
  /** A fetch job not finished after this is retried by another worker. Default: 120 s. */
  jobExpireSeconds?: number;
  /** pg-boss maintenance (expiry of dead workers' jobs) interval. Default: 30 s. */
  maintenanceSeconds?: number;
  /** Cron of edition builds. Default: every 15 minutes. */
  editionCron?: string;
  /** Minutes between polls of a feed. Default: 15. */
  pollMinutes?: number;
  /** Options of each feed fetch (timeouts, retries, user agent, allowPrivateNetwork…). */
  feeds?: Omit<FetchFeedOptions, 'fetch' | 'clock' | 'outlet' | 'signal'>;
  /** Default: `globalThis.fetch`. */
  fetch?: Fetch;
  /** Default: the system clock. */
  clock?: Clock;
  /** Stops the worker gracefully when aborted. */
  signal?: AbortSignal;
  /** One line per event (job done, lead taken, cluster pass). Default: none. */
  log?: (line: string) => void;
}

/** {@link WorkerOptions} with every default applied. */
export type ResolvedWorkerOptions = Required<
  Omit<WorkerOptions, 'fetch' | 'clock' | 'signal' | 'roles'>
> & {
  roles: WorkerRoles;
  fetch: Fetch | undefined;
  clock: Clock | undefined;
  signal: AbortSignal | undefined;
};

/** Applies the defaults. */
export function resolveWorkerOptions(
  options: WorkerOptions,
  defaultId: string,
): ResolvedWorkerOptions {
  return {
    url: options.url,
    workerId: options.workerId ?? defaultId,
    concurrency: options.concurrency ?? 8,
    roles: { fetch: true, cluster: true, summarize: true, edition: true, ...options.roles },
    hostIntervalMs: options.hostIntervalMs ?? 1000,
    leaseMs: options.leaseMs ?? 60_000,
    scheduleEveryMs: options.scheduleEveryMs ?? 5000,
    clusterEveryMs: options.clusterEveryMs ?? 1000,
    takeoverEveryMs: options.takeoverEveryMs ?? 2000,
    jobExpireSeconds: options.jobExpireSeconds ?? 120,
    maintenanceSeconds: options.maintenanceSeconds ?? 30,
    editionCron: options.editionCron ?? '*/15 * * * *',
    pollMinutes: options.pollMinutes ?? 15,
    feeds: options.feeds ?? {},
    fetch: options.fetch,
    clock: options.clock,
    signal: options.signal,
    log: options.log ?? (() => {}),
  };
}
