// `pnpm demo`: the whole pipeline, offline, on the bundled AllSides 2021 articles (real news, see
// demo/data/README.md). It enters through the path users take: the per-outlet RSS files are
// listed in an OPML and fetched as file: feeds, into a SQLite file; then clustering, cited
// summaries, coverage scores, and the digest site in ./out (relative to where pnpm was run).
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Edition, OutletInput } from '@newsloom/core';
import { topHeadlineLines } from '../src/cli/commands/digest';
import { writeDigest } from '../src/digest/write-digest';
import { createPipeline } from '../src/pipeline/create-pipeline';

const data = join(dirname(fileURLToPath(import.meta.url)), '../demo/data');

/**
 * Runs the demo into `outDir`, printing progress, the top headlines and the digest's address
 * through `log`; resolves to the path of the digest's index.html.
 * @example await runDemo('./out')
 */
export async function runDemo(
  outDir: string,
  log: (line: string) => void = console.log,
): Promise<string> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const databasePath = join(outDir, 'demo.db');
  // A fresh database each run, so the demo always shows the same thing.
  for (const suffix of ['', '-wal', '-shm', '.state.json'])
    await rm(`${databasePath}${suffix}`, { force: true });
  await mkdir(outDir, { recursive: true });
  const pipeline = createPipeline({
    databasePath,
    allowFileUrls: true,
    title: 'newsloom demo: AllSides 2021 (959 real articles, 119 outlets)',
    coverage: { minority: { attributes: ['lean'], attributeSource: 'AllSides' } },
  });
  let edition: Edition;
  try {
    const outlets = JSON.parse(await readFile(join(data, 'outlets.json'), 'utf8')) as OutletInput[];
    await pipeline.addOutlets(outlets);
    const ingest = await pipeline.ingestOpml(join(data, 'allsides-2021.opml'));
    log(
      `ingested ${ingest.inserted} articles from ${ingest.feeds} feeds (${ingest.failedFeeds} failed) in ${seconds()} s`,
    );
    const cluster = await pipeline.cluster();
    log(`clustered into ${cluster.touchedStoryIds.length} stories in ${seconds()} s`);
    const summarize = await pipeline.summarize();
    log(`summarised ${summarize.summarized} stories in ${seconds()} s`);
    // The front page shows a week: the window is anchored at the newest article (2021-08-14).
    edition = await pipeline.edition({ windowHours: 7 * 24 });
  } finally {
    // The database lives beside the pages: it is closed before the site is swapped in.
    await pipeline.close();
  }
  const written = await writeDigest(edition, outDir);
  log(`\nTop headlines:\n${topHeadlineLines(edition).join('\n')}\n`);
  log(
    `Digest written in ${seconds()} s: ${written.files} files (${written.written} written, ${written.unchanged} unchanged, ${written.removed} removed), database ${databasePath}`,
  );
  log(`Open: ${pathToFileURL(written.indexPath).href}`);
  return written.indexPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // pnpm sets INIT_CWD to where `pnpm demo` was typed (the repository root, normally).
  await runDemo(resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? 'out'));
}
