import { NewsloomError } from '@newsloom/core';
import { openSqliteStore } from '@newsloom/store';
import { isPostgresUrl, migratePostgresStore } from '@newsloom/store-postgres';
import { runWorker } from '../../worker/run-worker';
import { workerStatus } from '../../worker/status';
import type { WorkerRoles } from '../../worker/worker-options';
import { type Command, type CommandContext, stringOption } from '../command';
import { EXIT_CODES } from '../exit-codes';
import { positiveInteger, positiveNumber } from '../options';

const ROLE_NAMES = ['fetch', 'cluster', 'summarize', 'edition'] as const;

function number(context: CommandContext, name: string): number | undefined {
  const value = stringOption(context.values, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!(parsed > 0)) {
    throw new NewsloomError('INVALID_INPUT', `--${name} must be a positive number, not "${value}"`);
  }
  return parsed;
}

function roles(value: string | undefined): Partial<WorkerRoles> | undefined {
  if (value === undefined) return undefined;
  const wanted = value.split(',').map((role) => role.trim());
  const unknown = wanted.filter((role) => !(ROLE_NAMES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `--roles: unknown role ${unknown.join(', ')}; use a comma list of ${ROLE_NAMES.join(', ')}`,
    );
  }
  return Object.fromEntries(ROLE_NAMES.map((role) => [role, wanted.includes(role)]));
}

function requirePostgres(database: string): string {
  if (isPostgresUrl(database)) return database;
  throw new NewsloomError(
    'CONFIG_ERROR',
    `newsloom worker needs a PostgreSQL store, not ${database}: give --db postgres://… or set ` +
      '"store" in newsloom.config.json',
  );
}

/** SIGTERM and the CLI's Ctrl-C both stop the worker gracefully. */
function stopSignal(context: CommandContext): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  context.signal.addEventListener('abort', stop, { once: true });
  process.once('SIGTERM', stop);
  if (context.signal.aborted) stop();
  return { signal: controller.signal, dispose: () => process.off('SIGTERM', stop) };
}

async function printStatus(context: CommandContext, url: string): Promise<number> {
  const status = await workerStatus(url);
  const queues = Object.entries(status.queues)
    .map(([name, states]) => `  ${name}: ${JSON.stringify(states)}`)
    .join('\n');
  const human = [
    `lag: ${status.lag.lag} (latest ${status.lag.latest}, watermark ${status.lag.watermark})`,
    `clusterer: ${status.clustererPid === undefined ? 'none' : `backend pid ${status.clustererPid}`}`,
    `workers: ${status.workers.map((w) => `${w.workerId} [${w.roles}]`).join(', ') || 'none'}`,
    `leases: ${status.leases.map((l) => `${l.host} (${l.holder})`).join(', ') || 'none'}`,
    `queues:\n${queues || '  none'}`,
  ].join('\n');
  context.print(human, status);
  return EXIT_CODES.ok;
}

/**
 * `newsloom worker`: one of N processes sharing a PostgreSQL store and its pg-boss queues.
 * @example await main(['worker', '--db', 'postgres://postgres@db/news', '--concurrency', '8'], processIo(), signal)
 */
export const workerCommand: Command = {
  name: 'worker',
  summary:
    'run a worker sharing a PostgreSQL store with others (fetch, cluster, summarize, edition)',
  usage:
    'newsloom worker --db postgres://… [--concurrency N] [--roles fetch,cluster,summarize,edition] ' +
    '[--host-interval-ms N] [--lease-seconds N] [--schedule-seconds N] [--cluster-seconds N] ' +
    '[--takeover-seconds N] [--job-expire-seconds N] [--maintenance-seconds N] ' +
    '[--edition-cron CRON] [--id NAME] [--allow-private-network] [--status]',
  options: {
    concurrency: {
      type: 'string',
      value: 'N',
      description: 'jobs this worker runs at once',
      default: '8',
      check: positiveInteger,
    },
    roles: {
      type: 'string',
      value: 'LIST',
      description: 'comma list of fetch, cluster, summarize, edition',
      default: 'all four',
    },
    'host-interval-ms': {
      type: 'string',
      value: 'N',
      description: 'minimum time between requests to one host, cluster-wide',
      default: '1000',
      check: positiveNumber,
    },
    'lease-seconds': {
      type: 'string',
      value: 'N',
      description: 'how long a host lease lasts when its holder dies',
      default: '60',
      check: positiveNumber,
    },
    'schedule-seconds': {
      type: 'string',
      value: 'N',
      description: 'how often due feeds are queued',
      default: '5',
      check: positiveNumber,
    },
    'cluster-seconds': {
      type: 'string',
      value: 'N',
      description: 'how often the clusterer looks for new articles',
      default: '1',
      check: positiveNumber,
    },
    'takeover-seconds': {
      type: 'string',
      value: 'N',
      description: 'how often a worker tries to become the clusterer',
      default: '2',
      check: positiveNumber,
    },
    'job-expire-seconds': {
      type: 'string',
      value: 'N',
      description: 'a job not finished in this time is retried',
      default: '120',
      check: positiveNumber,
    },
    'maintenance-seconds': {
      type: 'string',
      value: 'N',
      description: 'pg-boss maintenance interval',
      default: '30',
      check: positiveNumber,
    },
    'edition-cron': {
      type: 'string',
      value: 'CRON',
      description: 'when editions are built',
      default: 'every 15 minutes',
    },
    id: {
      type: 'string',
      value: 'NAME',
      description: 'this worker’s name in --status',
      default: 'host and pid',
    },
    'allow-private-network': {
      type: 'boolean',
      description: 'fetch feeds on loopback and private networks',
    },
    status: { type: 'boolean', description: 'print queues, leases and clustering lag, then exit' },
  },
  async run(context) {
    const url = requirePostgres(context.config.database);
    if (context.values.status === true) return printStatus(context, url);
    const { signal, dispose } = stopSignal(context);
    const seconds = (name: string) => {
      const value = number(context, name);
      return value === undefined ? undefined : value * 1000;
    };
    const options = {
      url,
      concurrency: number(context, 'concurrency'),
      roles: roles(stringOption(context.values, 'roles')),
      hostIntervalMs: number(context, 'host-interval-ms'),
      leaseMs: seconds('lease-seconds'),
      scheduleEveryMs: seconds('schedule-seconds'),
      clusterEveryMs: seconds('cluster-seconds'),
      takeoverEveryMs: seconds('takeover-seconds'),
      jobExpireSeconds: number(context, 'job-expire-seconds'),
      maintenanceSeconds: number(context, 'maintenance-seconds'),
      editionCron: stringOption(context.values, 'edition-cron'),
      workerId: stringOption(context.values, 'id'),
      pollMinutes: context.config.pollMinutes,
      feeds: { allowPrivateNetwork: context.config.feeds.allowPrivateNetwork },
    };
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    try {
      const summary = await runWorker({
        ...(defined as { url: string }),
        signal,
        log: (line) => {
          if (!context.quiet) context.io.stdout(`${line}\n`);
        },
      });
      context.print(
        `worker ${summary.workerId} stopped: ${summary.fetched} feeds fetched`,
        summary,
      );
    } finally {
      dispose();
    }
    return EXIT_CODES.ok;
  },
};

/**
 * `newsloom migrate`: brings the store's schema to this version (SQLite file or PostgreSQL).
 * @example await main(['migrate', '--db', 'postgres://postgres@db/news'], processIo(), signal)
 */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the store (SQLite file or postgres:// URL) to the latest schema version',
  usage: 'newsloom migrate [--db FILE|URL]',
  options: {},
  async run(context) {
    const { database } = context.config;
    if (isPostgresUrl(database)) {
      const version = await migratePostgresStore({ url: database });
      context.print(`PostgreSQL store at schema v${version}`, { version });
    } else {
      await openSqliteStore({ path: database }).close();
      context.print(`SQLite store ${database} migrated`, { path: database });
    }
    return EXIT_CODES.ok;
  },
};
