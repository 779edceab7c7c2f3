import { existsSync } from 'node:fs';
import { NewsloomError } from '@newsloom/core';
import type { FeedPollStatus } from '@newsloom/feeds';
import type { Pipeline } from '../../pipeline/create-pipeline';
import { type Command, type CommandContext, numberOption } from '../command';
import { isStoreUrl } from '../config';
import { EXIT_CODES } from '../exit-codes';
import { ingestProblems, ingestSummary } from '../ingest-report';
import { positiveNumber } from '../options';
import { plural } from '../text';
import { FETCH_OPTIONS } from './ingest';
import { warnQuarantined } from './quarantine';

function statusLine(status: FeedPollStatus): string {
  const outcome = status.error
    ? `error: ${status.error}`
    : `${status.status}, ${status.newArticleCount} new`;
  return `${status.feed.url}: ${outcome}; next ${status.nextFetchAt}`;
}

/** One event: a line of text, or with `--json` one compact JSON line (JSON Lines). */
function emit(context: CommandContext, line: string, data: unknown): void {
  if (context.json) context.io.stdout(`${JSON.stringify(data)}\n`);
  else context.print(line, data);
}

/** Registers the configured OPML's feeds when none are registered; fails when there are none. */
async function feedsToPoll(context: CommandContext): Promise<Pipeline> {
  const { config } = context;
  const nothing = new NewsloomError(
    'CONFIG_ERROR',
    `nothing to poll: no "opml" is configured and no feeds are registered in ${config.database}; run "newsloom init", or "newsloom ingest --opml FILE" once`,
  );
  const fresh =
    !isStoreUrl(config.database) && config.database !== ':memory:' && !existsSync(config.database);
  if (!config.opml && fresh) throw nothing;
  const pipeline = context.openPipeline();
  if ((await pipeline.store.listFeeds()).length > 0) return pipeline;
  if (!config.opml) throw nothing;
  await pipeline.addOpml(config.opml);
  return pipeline;
}

/** `--once`: fetch the feeds that are due, cluster, summarise, exit (for cron). */
async function pollOnce(context: CommandContext, pipeline: Pipeline): Promise<number> {
  const ingest = await pipeline.ingestDueFeeds();
  const cluster = await pipeline.cluster();
  warnQuarantined(context, cluster);
  await pipeline.summarize();
  const line = `${ingestSummary(ingest)}\n${plural(cluster.newArticles, 'new article')} clustered; ${plural(cluster.touchedStoryIds.length, 'story', 'stories')} created or updated`;
  context.print(line, { ingest, cluster });
  const problems = ingestProblems(ingest, context.values.verbose === true);
  for (const problem of problems.lines) context.warn(problem);
  return problems.code;
}

/** Counts for the summary printed when polling stops. */
interface Tally {
  polls: number;
  failed: number;
  articles: number;
  updates: number;
  started: number;
}

function stopLine(tally: Tally): string {
  const minutes = Math.round((Date.now() - tally.started) / 60_000);
  return `Stopped after ${minutes} min: ${plural(tally.polls, 'feed poll')} (${tally.failed} failed), ${plural(tally.articles, 'new article')}, ${plural(tally.updates, 'clustering pass', 'clustering passes')}`;
}

/** Prints "idle" with the next fetch time once polls have been quiet for `quietMs`. */
function idleReporter(context: CommandContext, pipeline: Pipeline, quietMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = async () => {
    const next = await pipeline.nextFetchAt().catch(() => undefined);
    if (context.signal.aborted) return;
    emit(context, `idle: next feed due at ${next ?? 'unknown'} (Ctrl-C stops)`, {
      idle: true,
      nextFetchAt: next,
    });
  };
  return {
    poke() {
      clearTimeout(timer);
      timer = setTimeout(() => void report(), quietMs);
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * `newsloom poll`: the feeds package's poller (each feed on its own schedule, a few hosts at
 * once, one request at a time per host) until Ctrl-C, clustering and summarising what is new;
 * prints a line per poll, an idle line when quiet, and a summary when stopped.
 * @example await main(['poll', '--minutes', '30'], processIo(), signal)
 */
export const pollCommand: Command = {
  name: 'poll',
  summary:
    'poll feeds politely until Ctrl-C (each on its own schedule), clustering and summarising as articles arrive',
  usage: 'newsloom poll [--minutes N] [--cluster-seconds N] [--once] [--allow-private-network]',
  options: {
    minutes: {
      type: 'string',
      value: 'N',
      description: 'minutes between polls of a healthy feed',
      default: 'the config’s pollMinutes, else 15',
      check: positiveNumber,
    },
    'cluster-seconds': {
      type: 'string',
      value: 'N',
      description: 'cluster and summarise new articles at most this often',
      default: '60',
      check: positiveNumber,
    },
    once: {
      type: 'boolean',
      description: 'fetch the feeds that are due, cluster, summarise and exit (for cron)',
    },
    ...FETCH_OPTIONS,
  },
  async run(context) {
    const { config, signal } = context;
    config.pollMinutes = numberOption(context.values, 'minutes', config.pollMinutes);
    const clusterSeconds = numberOption(context.values, 'cluster-seconds', 60);
    const pipeline = await feedsToPoll(context);
    if (context.values.once === true) return pollOnce(context, pipeline);
    const tally: Tally = { polls: 0, failed: 0, articles: 0, updates: 0, started: Date.now() };
    const idle = idleReporter(context, pipeline, Number(context.io.env.NEWSLOOM_IDLE_MS ?? 5000));
    idle.poke();
    await pipeline
      .poll({
        signal,
        clusterEveryMs: clusterSeconds * 1000,
        onStatus: (status) => {
          tally.polls += 1;
          tally.failed += status.error ? 1 : 0;
          tally.articles += status.newArticleCount;
          emit(context, statusLine(status), status);
          idle.poke();
        },
        onUpdate: ({ cluster, summarize }) => {
          tally.updates += 1;
          warnQuarantined(context, cluster);
          const line = `${plural(cluster.newArticles, 'new article')} clustered: ${plural(cluster.activeStories, 'open story', 'open stories')}, ${cluster.touchedStoryIds.length} created or updated, ${summarize.summarized} summarised`;
          emit(context, line, { cluster, summarize });
          idle.poke();
        },
      })
      .finally(() => idle.stop());
    emit(context, stopLine(tally), { stopped: true, ...tally });
    return signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
  },
};
