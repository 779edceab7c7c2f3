import { NewsloomError } from '@newsloom/core';
import type { FeedPollStatus } from '@newsloom/feeds';
import { type Command, type CommandContext, stringOption } from '../command';
import { EXIT_CODES } from '../exit-codes';
import { ingestSummary } from './ingest';

function positive(value: string | undefined, fallback: number, name: string): number {
  const number = value === undefined ? fallback : Number(value);
  if (!(number > 0))
    throw new NewsloomError('INVALID_INPUT', `--${name} must be a positive number, not "${value}"`);
  return number;
}

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

/** `--once`: fetch the feeds that are due, cluster, summarise, exit (for cron). */
async function pollOnce(context: CommandContext): Promise<number> {
  const pipeline = context.openPipeline();
  const ingest = await pipeline.ingestDueFeeds();
  const cluster = await pipeline.cluster();
  await pipeline.summarize();
  context.progress.done();
  const line = `${ingestSummary(ingest)}\n${cluster.newArticles} new articles clustered; ${cluster.touchedStoryIds.length} stories created or updated`;
  context.print(line, { ingest, cluster });
  return EXIT_CODES.ok;
}

/**
 * `newsloom poll`: the feeds package's poller (each feed on its own schedule, a few hosts at
 * once, one request at a time per host) until Ctrl-C, clustering and summarising what is new.
 * @example await main(['poll', '--minutes', '30'], processIo(), signal)
 */
export const pollCommand: Command = {
  name: 'poll',
  summary:
    'poll feeds politely until Ctrl-C (each on its own schedule), clustering and summarising as articles arrive',
  usage: 'newsloom poll [--minutes N] [--cluster-seconds N] [--once]',
  options: {
    minutes: { type: 'string' },
    'cluster-seconds': { type: 'string' },
    once: { type: 'boolean' },
  },
  async run(context) {
    const { config, signal } = context;
    config.pollMinutes = positive(
      stringOption(context.values, 'minutes'),
      config.pollMinutes,
      'minutes',
    );
    const clusterSeconds = positive(
      stringOption(context.values, 'cluster-seconds'),
      60,
      'cluster-seconds',
    );
    const pipeline = context.openPipeline();
    if (config.opml && (await pipeline.store.listFeeds()).length === 0)
      await pipeline.addOpml(config.opml);
    if (context.values.once === true) return pollOnce(context);
    await pipeline.poll({
      signal,
      clusterEveryMs: clusterSeconds * 1000,
      onStatus: (status) => emit(context, statusLine(status), status),
      onUpdate: ({ cluster, summarize }) => {
        const line = `${cluster.newArticles} new articles clustered: ${cluster.stories} stories, ${cluster.touchedStoryIds.length} created or updated, ${summarize.summarized} summarised`;
        emit(context, line, { cluster, summarize });
      },
    });
    return signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
  },
};
