// Quickstart: register feeds, run the pipeline, write the digest site. Run it with
// `pnpm --filter @newsloom/example-quickstart start` (writes ./out beside this example).
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createPipeline, type FeedSource, writeDigest } from 'newsloom';

const feedsDir = new URL('../feeds/', import.meta.url);

/** Three example outlets' feeds shipped beside this file; use https URLs for real feeds. */
export const EXAMPLE_FEEDS: FeedSource[] = [
  { url: new URL('harbour-herald.xml', feedsDir).href, outlet: 'Harbour Herald' },
  { url: new URL('valley-voice.xml', feedsDir).href, outlet: 'Valley Voice' },
  { url: new URL('coastal-times.xml', feedsDir).href, outlet: 'Coastal Times' },
];

/** Fetches the feeds into a SQLite file, clusters, summarises, scores, and writes the digest. */
export async function quickstart(databasePath: string, outDir: string, feeds = EXAMPLE_FEEDS) {
  await mkdir(dirname(databasePath), { recursive: true });
  const pipeline = createPipeline({
    databasePath,
    allowFileUrls: true,
    title: 'Quickstart digest',
  });
  try {
    await pipeline.addFeeds(feeds);
    // The edition window: the week before the newest story (the default is 48 hours).
    const { edition, ingest } = await pipeline.run({ windowHours: 7 * 24 });
    const { indexPath } = await writeDigest(edition, outDir);
    return { edition, ingest, indexPath };
  } finally {
    await pipeline.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { edition, ingest, indexPath } = await quickstart('out/quickstart.db', 'out');
  // A run never throws for a feed that failed: its error is a diagnostic in the result.
  if (ingest.failedFeeds > 0) {
    console.error(`${ingest.failedFeeds} of ${ingest.feeds} feeds failed:`);
    for (const d of ingest.diagnostics.filter((x) => x.severity === 'error'))
      console.error(`  ${d.subject}: ${d.message}`);
  }
  if (ingest.feeds > 0 && ingest.failedFeeds === ingest.feeds) process.exitCode = 1;
  for (const summary of edition.summaries)
    console.log(
      `- ${summary.headline} (${summary.articleCount} article${summary.articleCount === 1 ? '' : 's'})`,
    );
  console.log(`Open ${pathToFileURL(indexPath).href}`);
}
