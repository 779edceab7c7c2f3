import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Feed, NewsloomError } from '@newsloom/core';
import { opmlFeeds, parseOpml } from '@newsloom/feeds';
import type { PipelineContext } from './context';
import { ingestFeeds } from './fetch-feeds';
import { addFeeds, type FeedSource, type IngestResult } from './ingest';

/**
 * The feeds an OPML document lists, with relative `xmlUrl`s resolved against `baseUrl` (the
 * OPML file's own `file:` URL, so an OPML can list feed files beside it).
 * @example opmlFeedSources(text, pathToFileURL('feeds.opml').href)
 */
function opmlFeedSources(text: string, baseUrl: string): FeedSource[] {
  return opmlFeeds(parseOpml(text)).map((entry) => ({
    url: new URL(entry.url, baseUrl).href,
    ...(entry.title ? { outlet: entry.title } : {}),
    ...(entry.categories?.length ? { categories: entry.categories } : {}),
  }));
}

/**
 * Registers the feeds of an OPML file (and their outlets) without fetching them.
 * @example const feeds = await addOpml(context, 'feeds.opml')
 */
export async function addOpml(context: PipelineContext, path: string): Promise<Feed[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new NewsloomError('NOT_FOUND', `cannot read the OPML file ${path}: check the path`, {
      cause,
      details: { path },
    });
  }
  return addFeeds(context, opmlFeedSources(text, pathToFileURL(resolve(path)).href));
}

/**
 * Registers the feeds of an OPML file and fetches them.
 * @example const { inserted } = await ingestOpml(context, 'feeds.opml')
 */
export async function ingestOpml(context: PipelineContext, path: string): Promise<IngestResult> {
  const feeds = await addOpml(context, path);
  return ingestFeeds(
    context,
    feeds.map((f) => f.url),
  );
}
