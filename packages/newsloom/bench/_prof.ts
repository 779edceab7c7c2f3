import { openSqliteStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { createPipeline } from '../src/pipeline/create-pipeline';

const db = process.argv[2] as string;
const stage = process.argv[3] ?? 'cluster';
const s = openSqliteStore({ path: db, readonly: true });
const last = await s.latestSequence();
const { articles } = await s.readArticlesAfter(last - 1, 1);
await s.close();
const clock = createFixedClock(Date.parse(articles[0]!.publishedAt) + 3_600_000);
const pipeline = createPipeline({ databasePath: db, legacyStatePath: `${db}.none`, clock });
const c0 = process.cpuUsage();
const t0 = performance.now();
const r = await pipeline.cluster();
const c1 = process.cpuUsage(c0);
const t1 = performance.now();
console.log(
  'cluster',
  Math.round(t1 - t0),
  'ms wall',
  Math.round((c1.user + c1.system) / 1000),
  'ms cpu',
  r.newArticles,
  r.touchedStoryIds.length,
);
if (stage === 'all') {
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  const s2 = await pipeline.summarize();
  const c3 = process.cpuUsage(c2);
  console.log(
    'summarize',
    Math.round(performance.now() - t2),
    'ms wall',
    Math.round((c3.user + c3.system) / 1000),
    'ms cpu',
    s2.summarized,
  );
}
await pipeline.close();
console.log('rss', Math.round(process.resourceUsage().maxRSS / 1024));
