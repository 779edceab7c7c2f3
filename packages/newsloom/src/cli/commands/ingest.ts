import { existsSync } from 'node:fs';
import { NewsloomError } from '@newsloom/core';
import type { IngestResult } from '../../pipeline/ingest';
import { type Command, type CommandContext, stringOption } from '../command';
import { isStoreUrl } from '../config';
import { ingestProblems, ingestSummary } from '../ingest-report';
import { ingestSources } from '../ingest-sources';
import { nonEmpty, type OptionSpecs } from '../options';
import { checkInputFile } from '../write-output';

function nothingToIngest(context: CommandContext): NewsloomError {
  const where = context.configPath
    ? `${context.configPath} names no "opml"`
    : 'there is no newsloom.config.json here';
  return new NewsloomError(
    'CONFIG_ERROR',
    `nothing to ingest: ${where} and no feeds are registered in ${context.config.database}; run "newsloom init" for a starter config and feeds.opml, or give --opml FILE, --feed URL or --jsonl FILE`,
  );
}

/** Ingests from the sources given, else the configured OPML, else every registered feed. */
async function ingestFrom(context: CommandContext): Promise<IngestResult> {
  const given = ingestSources(context);
  const opml = given.opml ?? (given.jsonl || given.feeds.length ? undefined : context.config.opml);
  if (opml && !given.opml) checkInputFile(opml, '"opml" in the config');
  const none = !opml && !given.jsonl && given.feeds.length === 0;
  const { database } = context.config;
  if (none && !isStoreUrl(database) && database !== ':memory:' && !existsSync(database))
    throw nothingToIngest(context);
  const pipeline = context.openPipeline();
  if (none && (await pipeline.store.listFeeds()).length === 0) throw nothingToIngest(context);
  if (given.outlets) await pipeline.addOutlets(given.outlets);
  if (given.jsonl) return pipeline.ingestJsonl(given.jsonl);
  if (given.feeds.length > 0) {
    const outlet = stringOption(context.values, 'outlet');
    await pipeline.addFeeds(given.feeds.map((url) => ({ url, ...(outlet ? { outlet } : {}) })));
    return pipeline.ingestFeeds(given.feeds);
  }
  return opml ? pipeline.ingestOpml(opml) : pipeline.ingestFeeds();
}

/** Options of the commands that fetch feeds. */
export const FETCH_OPTIONS: OptionSpecs = {
  'allow-private-network': {
    type: 'boolean',
    description:
      'fetch feeds on loopback, private and link-local addresses (intranet, local tests)',
    default: 'the config’s feeds.allowPrivateNetwork, else off',
  },
  verbose: { type: 'boolean', description: 'list every feed error, not only the first 10' },
};

/**
 * `newsloom ingest`.
 * @example await main(['ingest', '--opml', 'feeds.opml'], processIo())
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary:
    'fetch feeds (--opml FILE | --feed URL | --jsonl FILE; default: the configured OPML) into the store',
  usage:
    'newsloom ingest [--opml FILE | --feed URL|FILE [--outlet NAME] | --jsonl FILE] [--outlets FILE] [--allow-private-network]',
  options: {
    opml: {
      type: 'string',
      value: 'FILE',
      description: 'an OPML list of feeds to register and fetch',
      default: 'the config’s "opml"',
      check: nonEmpty,
    },
    feed: {
      type: 'string',
      multiple: true,
      value: 'URL|FILE',
      description: 'a feed URL or a local feed file (repeatable)',
      check: nonEmpty,
    },
    outlet: {
      type: 'string',
      value: 'NAME',
      description: 'the outlet of the --feed feeds',
      default: 'the feed’s domain',
      check: nonEmpty,
    },
    jsonl: {
      type: 'string',
      value: 'FILE',
      description: 'articles in the interchange form, one JSON object a line',
      check: nonEmpty,
    },
    outlets: {
      type: 'string',
      value: 'FILE',
      description: 'a JSON array of outlets (name, attributes such as lean) to register first',
      check: nonEmpty,
    },
    ...FETCH_OPTIONS,
  },
  async run(context) {
    const result = await ingestFrom(context);
    context.print(ingestSummary(result), result);
    const problems = ingestProblems(result, context.values.verbose === true);
    for (const line of problems.lines) context.warn(line);
    return problems.code;
  },
};
