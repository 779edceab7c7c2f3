// Live feeds: newsloom on real outlets' public feeds, listed in feeds.opml beside this file.
// Needs internet. Run it again later: only new articles are clustered and only the stories they
// touch are re-summarised. `pnpm --filter @newsloom/example-live-feeds start`.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createPipeline, type FeedFetchOptions, type Fetch, writeDigest } from 'newsloom';

/** The OPML of real outlets' public feeds shipped with this example. */
export const LIVE_OPML = fileURLToPath(new URL('../feeds.opml', import.meta.url));

/** Options of {@link liveDigest}; `fetch` lets tests answer without the network. */
export interface LiveOptions {
  databasePath: string;
  outDir: string;
  fetch?: Fetch;
  /** fetchFeed options: timeouts, user agent, the SSRF guard's DNS port. */
  feeds?: FeedFetchOptions;
}

/** Fetches every feed of the OPML politely, runs the pipeline, writes the digest. */
export async function liveDigest(options: LiveOptions) {
  await mkdir(dirname(options.databasePath), { recursive: true });
  const pipeline = createPipeline({
    databasePath: options.databasePath,
    title: 'Live feeds',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.feeds ? { feeds: options.feeds } : {}),
  });
  try {
    const ingest = await pipeline.ingestOpml(LIVE_OPML);
    const { edition } = await pipeline.run({ fetch: false });
    const { indexPath } = await writeDigest(edition, options.outDir);
    return { ingest, edition, indexPath };
  } finally {
    await pipeline.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ingest, indexPath } = await liveDigest({ databasePath: 'out/live.db', outDir: 'out' });
  console.log(
    `${ingest.inserted} new articles from ${ingest.feeds} feeds (${ingest.failedFeeds} failed)`,
  );
  for (const d of ingest.diagnostics.filter((x) => x.severity === 'error'))
    console.log(`  ${d.subject}: ${d.message}`);
  console.log(`Open ${pathToFileURL(indexPath).href}`);
}
