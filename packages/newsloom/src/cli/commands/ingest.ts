import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsloomError } from '@newsloom/core';
import { isPrivateAddress, parseFeed } from '@newsloom/feeds';
import type { IngestResult, OutletRecord } from '../../pipeline/ingest';
import { type Command, type CommandContext, stringOption, stringOptions } from '../command';
import { isStoreUrl } from '../config';
import { UsageError } from '../exit-codes';
import { ingestProblems, ingestSummary, PRIVATE_NETWORK_HINT } from '../ingest-report';
import { nonEmpty, type OptionSpecs } from '../options';
import { checkInputFile } from '../write-output';

/** Reads a JSON array of outlets (name, group, attributes such as `lean`). */
async function readOutlets(path: string): Promise<OutletRecord[]> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `cannot read outlets from ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!Array.isArray(value))
    throw new NewsloomError('INVALID_INPUT', `${path} must hold a JSON array of outlets`);
  return value as OutletRecord[];
}

const isUrl = (feed: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(feed);

/** A `--feed` URL whose host is literally loopback or private (no DNS asked). */
function literallyPrivate(feed: string): boolean {
  if (!/^https?:\/\//i.test(feed) || !URL.canParse(feed)) return false;
  const host = new URL(feed).hostname.replace(/^\[|\]$/g, '');
  return (
    /^(?:localhost|.*\.localhost)$/i.test(host) || (isIP(host) !== 0 && isPrivateAddress(host))
  );
}

/** Refuses, before the store is opened, `--feed` URLs the SSRF guard would refuse anyway. */
function checkPrivate(context: CommandContext, feeds: readonly string[]): void {
  const blocked = context.config.feeds.allowPrivateNetwork
    ? undefined
    : feeds.find(literallyPrivate);
  if (blocked)
    throw new NewsloomError(
      'BLOCKED_ADDRESS',
      `${blocked} is on a loopback or private address, which the SSRF guard refuses: ${PRIVATE_NETWORK_HINT}`,
      { details: { url: blocked } },
    );
}

/** Reads a local `--feed` file as a feed before anything is stored: a page or junk is refused. */
function checkFeedFile(path: string): string {
  try {
    parseFeed(readFileSync(path), { url: pathToFileURL(path).href });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new NewsloomError('NOT_A_FEED', `${path} (--feed) is not a feed: ${reason}`, {
      cause,
      details: { path },
    });
  }
  return path;
}

/** The sources given on the command line, checked before anything is opened. */
function sources(context: CommandContext) {
  const { values, io } = context;
  const opml = stringOption(values, 'opml');
  const jsonl = stringOption(values, 'jsonl');
  const feeds = stringOptions(values, 'feed');
  const outlets = stringOption(values, 'outlets');
  if ([opml, jsonl, feeds.length ? 'feed' : undefined].filter(Boolean).length > 1)
    throw new UsageError(
      'give one source: --opml FILE, --feed URL|FILE (repeatable) or --jsonl FILE',
      'ingest',
    );
  if (stringOption(values, 'outlet') && feeds.length === 0)
    throw new UsageError('--outlet NAME names the outlet of --feed: give --feed too', 'ingest');
  const path = (file: string, option: string) => {
    const full = resolve(io.cwd, file);
    checkInputFile(full, option);
    return full;
  };
  const bad = feeds.find((f) => isUrl(f) && !URL.canParse(f));
  if (bad)
    throw new NewsloomError('INVALID_URL', `--feed ${bad} is not a valid URL`, {
      details: { url: bad },
    });
  checkPrivate(context, feeds);
  return {
    ...(opml && { opml: path(opml, '--opml') }),
    ...(jsonl && { jsonl: path(jsonl, '--jsonl') }),
    ...(outlets && { outlets: path(outlets, '--outlets') }),
    feeds: feeds.map((f) => (isUrl(f) ? f : pathToFileURL(checkFeedFile(path(f, '--feed'))).href)),
  };
}

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
  const given = sources(context);
  const opml = given.opml ?? (given.jsonl || given.feeds.length ? undefined : context.config.opml);
  if (opml && !given.opml) checkInputFile(opml, '"opml" in the config');
  const none = !opml && !given.jsonl && given.feeds.length === 0;
  const { database } = context.config;
  if (none && !isStoreUrl(database) && database !== ':memory:' && !existsSync(database))
    throw nothingToIngest(context);
  const pipeline = context.openPipeline();
  if (none && (await pipeline.store.listFeeds()).length === 0) throw nothingToIngest(context);
  if (given.outlets) await pipeline.addOutlets(await readOutlets(given.outlets));
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
