import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsloomError } from '@newsloom/core';
import type { IngestResult, OutletRecord } from '../../pipeline/ingest';
import { type Command, type CommandContext, stringOption, stringOptions } from '../command';
import { EXIT_CODES } from '../exit-codes';

/**
 * An ingest result as text.
 * @example console.log(ingestSummary(await pipeline.ingestFeeds()))
 */
export function ingestSummary(result: IngestResult): string {
  const lines = [
    `${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged articles${result.feeds ? ` from ${result.feeds} feeds (${result.failedFeeds} failed)` : ''}`,
  ];
  for (const d of result.diagnostics.filter((x) => x.severity === 'error').slice(0, 10)) {
    lines.push(`  ${d.code}: ${d.message}`);
  }
  return lines.join('\n');
}

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

/** A feed given on the command line: a URL, or a local file path (read as a `file:` feed). */
function toFeedUrl(feed: string, cwd: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(feed) ? feed : pathToFileURL(resolve(cwd, feed)).href;
}

/** Ingests from the sources given on the command line, or the configured OPML, or every registered feed. */
async function ingestFrom(context: CommandContext): Promise<IngestResult> {
  const pipeline = context.openPipeline();
  const cwd = context.io.cwd;
  const outlets = stringOption(context.values, 'outlets');
  if (outlets) await pipeline.addOutlets(await readOutlets(resolve(cwd, outlets)));
  const opml = stringOption(context.values, 'opml');
  const feeds = stringOptions(context.values, 'feed').map((feed) => toFeedUrl(feed, cwd));
  const jsonl = stringOption(context.values, 'jsonl');
  if ([opml, jsonl, feeds.length ? 'feed' : undefined].filter(Boolean).length > 1) {
    throw new NewsloomError(
      'INVALID_INPUT',
      'give one source: --opml FILE, --feed URL (repeatable) or --jsonl FILE',
    );
  }
  if (jsonl) return pipeline.ingestJsonl(resolve(cwd, jsonl));
  if (feeds.length > 0) {
    const outlet = stringOption(context.values, 'outlet');
    await pipeline.addFeeds(feeds.map((url) => ({ url, ...(outlet ? { outlet } : {}) })));
    return pipeline.ingestFeeds(feeds);
  }
  const file = opml ? resolve(cwd, opml) : context.config.opml;
  if (file) return pipeline.ingestOpml(file);
  return pipeline.ingestFeeds();
}

/**
 * `newsloom ingest`.
 * @example await main(['ingest', '--opml', 'feeds.opml'], processIo())
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary:
    'fetch feeds (--opml FILE | --feed URL | --jsonl FILE; default: the configured OPML) into the store',
  usage:
    'newsloom ingest [--opml FILE | --feed URL [--outlet NAME] | --jsonl FILE] [--outlets OUTLETS.json]',
  options: {
    outlets: { type: 'string' },
    opml: { type: 'string' },
    feed: { type: 'string', multiple: true },
    outlet: { type: 'string' },
    jsonl: { type: 'string' },
  },
  async run(context) {
    const result = await ingestFrom(context);
    context.progress.done();
    context.print(ingestSummary(result), result);
    if (result.feeds === 0 || result.failedFeeds < result.feeds) return EXIT_CODES.ok;
    context.io.stderr(
      `newsloom: all ${result.feeds} feeds failed to fetch: check your network connection and the feed URLs (each feed's error is listed above)\n`,
    );
    return EXIT_CODES.network;
  },
};
