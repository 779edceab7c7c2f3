import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NewsloomError } from '@newsloom/core';
import { isPrivateAddress, parseFeed } from '@newsloom/feeds';
import { type OutletRecord, toOutlet } from '../pipeline/ingest';
import { type CommandContext, stringOption, stringOptions } from './command';
import { UsageError } from './exit-codes';
import { PRIVATE_NETWORK_HINT } from './ingest-report';
import { checkInputFile } from './write-output';

/** Reads a JSON array of outlets (name, group, attributes such as `lean`). */
function readOutlets(path: string): OutletRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `cannot read outlets from ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!Array.isArray(value))
    throw new NewsloomError('INVALID_INPUT', `${path} must hold a JSON array of outlets`);
  // Validated now, so that a bad outlet is refused before the store is opened.
  for (const outlet of value as Partial<OutletRecord>[]) toOutlet(outlet);
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

/** What `newsloom ingest` was asked to read, every file and URL checked. */
export interface IngestSources {
  opml?: string;
  jsonl?: string;
  outlets?: OutletRecord[];
  /** Feed URLs (`file:` URLs for local feed files). */
  feeds: string[];
}

/**
 * The sources given to `newsloom ingest`, checked before anything is opened: one kind of
 * source, files that exist (local feeds that parse as feeds, outlets that validate), URLs that
 * parse and that the SSRF guard would not refuse.
 * @throws {UsageError} or {NewsloomError} naming the option and the file or URL.
 * @example const given = ingestSources(context)
 */
export function ingestSources(context: CommandContext): IngestSources {
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
    ...(outlets && { outlets: readOutlets(path(outlets, '--outlets')) }),
    feeds: feeds.map((f) => (isUrl(f) ? f : pathToFileURL(checkFeedFile(path(f, '--feed'))).href)),
  };
}
