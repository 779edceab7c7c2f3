import { createSummaryPool } from '../src/pipeline/summarize-pool';

const c0 = process.cpuUsage();
const t0 = performance.now();
const pool = createSummaryPool(2, {}, []);
await pool.run([]);
// a real job forces the worker to have loaded
const { makeArticle, makeStory } = await import('@newsloom/testing');
const a = makeArticle({
  title: 'Hello world',
  text: 'Something happened today in the city. It was big.',
});
const s = makeStory([a]);
const r = await pool.run([
  { story: s, articles: [a] },
  { story: s, articles: [a] },
]);
await pool.close();
const c = process.cpuUsage(c0);
console.log(
  'wall',
  Math.round(performance.now() - t0),
  'cpu',
  Math.round((c.user + c.system) / 1000),
  r.length,
);
