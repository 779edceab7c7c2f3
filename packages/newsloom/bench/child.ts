// One measured step of the pipeline bench, in its own process (so peak RSS is its own):
//   add <db> <from> <to>   store replay articles from..to (not timed as a digest)
//   digest <db>            pipeline.run({ fetch: false }): cluster, summarize, edition
// Prints one JSON line: { step, ms, rssMb, ... }.
import { loadavg } from 'node:os';
import { openSqliteStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { createPipeline } from '../src/pipeline/create-pipeline';
import { loadSource, replay } from './replay';

const [step, db, from, to] = process.argv.slice(2);
if (db === undefined) throw new Error('usage: child add|digest <db> [from to]');
const started = performance.now();
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
// Every thread of the process (the summarise workers too).
const cpuMs = () => Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000);
const load = () => loadavg()[0]?.toFixed(1) ?? '';
if (step === 'add') {
  const store = openSqliteStore({ path: db });
  const base = await loadSource();
  let added = 0;
  // Big transactions: storing is not what this bench measures.
  for (const chunk of replay(base, Number(from), Number(to), 20_000)) {
    added += (await store.upsertArticles(chunk)).inserted;
  }
  await store.close();
  console.log(
    JSON.stringify({
      step,
      added,
      ms: Math.round(performance.now() - started),
      cpuMs: cpuMs(),
      rssMb: rss(),
      load: load(),
    }),
  );
} else if (step === 'digest') {
  // The replay runs years ahead (copy k is shifted k spans of the set): the run's clock is an
  // hour after the newest article, as for a poller that just fetched it.
  const clock = createFixedClock(await newestPlusHour(db));
  const threads = process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : undefined;
  const pipeline = createPipeline({
    databasePath: db,
    legacyStatePath: `${db}.none`,
    clock,
    ...(threads ? { summarizeThreads: threads } : {}),
  });
  // The stages of pipeline.run({ fetch: false }), timed one by one.
  const t0 = performance.now();
  const cluster = await pipeline.cluster();
  const t1 = performance.now();
  const summarize = await pipeline.summarize();
  const t2 = performance.now();
  const edition = await pipeline.edition();
  const t3 = performance.now();
  const state = await pipeline.store.loadPipelineState();
  await pipeline.close();
  console.log(
    JSON.stringify({
      step,
      ms: Math.round(performance.now() - started),
      rssMb: rss(),
      stageMs: [t1 - t0, t2 - t1, t3 - t2].map(Math.round).join(' / '),
      cpuMs: cpuMs(),
      load: load(),
      newArticles: cluster.newArticles,
      touched: cluster.touchedStoryIds.length,
      summarized: summarize.summarized,
      editionStories: edition.stories.length,
      quarantined: cluster.quarantined.length,
      snapshotKb: Math.round(JSON.stringify(state?.clusterer ?? null).length / 1024),
    }),
  );
} else {
  throw new Error(`unknown step ${step}`);
}

async function newestPlusHour(path: string): Promise<number> {
  const store = openSqliteStore({ path, readonly: true });
  const last = await store.latestSequence();
  const { articles } = await store.readArticlesAfter(last - 1, 1);
  await store.close();
  return Date.parse(articles[0]?.publishedAt ?? '2021-01-01T00:00:00Z') + 3_600_000;
}
