import { NewsloomError } from '@newsloom/core';
import { type Command, stringOption } from '../command';
import { EXIT_CODES } from '../exit-codes';
import { ingestSummary } from './ingest';

const MIN_WAIT_MS = 30_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const number = value === undefined ? fallback : Number(value);
  if (!(number > 0))
    throw new NewsloomError('INVALID_INPUT', `--${name} must be a positive number, not "${value}"`);
  return number;
}

/**
 * `newsloom poll`: fetches each feed when it is due (the interval, or longer when the feed or
 * server asks for it, backing off after failures), then clusters and summarises, until Ctrl-C.
 * @example await main(['poll', '--minutes', '30'], processIo(), signal)
 */
export const pollCommand: Command = {
  name: 'poll',
  summary:
    'poll feeds politely until Ctrl-C (each when due), clustering and summarising after each round',
  usage: 'newsloom poll [--minutes N] [--rounds N]',
  options: { minutes: { type: 'string' }, rounds: { type: 'string' } },
  async run(context) {
    const { config, signal } = context;
    config.pollMinutes = positive(
      stringOption(context.values, 'minutes'),
      config.pollMinutes,
      'minutes',
    );
    const rounds = positive(
      stringOption(context.values, 'rounds'),
      Number.POSITIVE_INFINITY,
      'rounds',
    );
    const pipeline = context.openPipeline();
    if (config.opml && (await pipeline.store.listFeeds()).length === 0)
      await pipeline.addOpml(config.opml);
    for (let round = 1; round <= rounds && !signal.aborted; round += 1) {
      const ingest = await pipeline.ingestDueFeeds();
      const cluster = await pipeline.cluster();
      await pipeline.summarize();
      context.progress.done();
      const line = `round ${round}: ${ingestSummary(ingest)}; ${cluster.touchedStoryIds.length} stories created or updated`;
      context.print(line, { round, ingest, cluster });
      if (round >= rounds) break;
      const next = Date.parse((await pipeline.nextFetchAt()) ?? '') - Date.now();
      const wait = Number.isFinite(next) ? next : config.pollMinutes * 60_000;
      await sleep(Math.min(Math.max(wait, MIN_WAIT_MS), config.pollMinutes * 60_000), signal);
    }
    return signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
  },
};
