// Streaming throughput of the clusterer on replayed real articles: the AllSides dev set
// (title + snippet) repeated with shifted dates and unique URLs, at 10k, 100k and 1M articles.
// Each size runs twice, each time in a fresh process:
// - cold: the timed pass is the first thing the process does (JIT warm-up, first stemming of
//   every distinct word and first growth of every table included);
// - warm: an untimed warm-up pass first (10,000 articles of other data: the demo's RSS items,
//   title + description like the timed set, replayed through a clusterer of their own), then the
//   timed pass on a fresh clusterer: the steady state of a long-running process. Only the JIT and
//   the process-wide stem memo are warm; the timed clusterer starts empty.
//   pnpm --filter @newsloom/cluster bench                 (all sizes, cold and warm)
//   pnpm --filter @newsloom/cluster bench 10000           (one size, cold and warm)
//   pnpm --filter @newsloom/cluster bench 10000 warm      (one size, one mode)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Article, parseArticle, readJsonl } from '@newsloom/core';
import { createClusterer } from '../src/index';
import { DEMO_FEEDS, demoArticles } from '../test/demo-articles';

const here = dirname(fileURLToPath(import.meta.url));
const data = resolve(here, '../../../../shared/data/clustering');
const source = resolve(data, 'allsides-2021-dev/articles.jsonl');
const CHUNK = 1000;
const WARM_UP = 10_000;
const MODES = ['cold', 'warm'] as const;
type Mode = (typeof MODES)[number];

async function loadSource(source: string): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const a of readJsonl(source, { parse: parseArticle })) articles.push(a);
  return articles.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

// Copy k of the set, shifted past the previous copy so stories never span copies.
function* replay(base: readonly Article[], total: number): Generator<Article[]> {
  const first = Date.parse(base[0]?.publishedAt ?? '');
  const span = Date.parse(base[base.length - 1]?.publishedAt ?? '') - first + 30 * 86_400_000;
  let chunk: Article[] = [];
  for (let n = 0; n < total; n++) {
    const copy = Math.floor(n / base.length);
    const a = base[n % base.length] as Article;
    const publishedAt = new Date(Date.parse(a.publishedAt) + copy * span).toISOString();
    const url = `${a.url}#r${copy}`;
    chunk.push({
      ...a,
      id: `${a.id}-r${copy}` as Article['id'],
      url,
      canonicalUrl: url,
      publishedAt,
    });
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const cpuMicros = (usage: NodeJS.CpuUsage): number => usage.user + usage.system;

// The untimed warm-up of a warm run: other articles through a clusterer of their own.
function warmUp(): void {
  const clusterer = createClusterer({ keepClosed: false });
  const demo = demoArticles().sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  for (const chunk of replay(demo, WARM_UP)) clusterer.add(chunk);
}

async function runOne(total: number, mode: Mode): Promise<void> {
  const base = await loadSource(source);
  if (mode === 'warm') warmUp();
  let closed = 0;
  const clusterer = createClusterer({ keepClosed: false, onStoryClosed: () => closed++ });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const tenth = Math.max(CHUNK, Math.floor(total / 10));
  let done = 0;
  let firstTenthMs = 0;
  let lastTenthStart = 0;
  // CPU (µs, all threads) of the first and last tenth: the first holds the JIT warm-up and the
  // first sight of every distinct token; the last is the steady state.
  let firstTenthCpu = 0;
  let lastTenthCpu = process.cpuUsage();
  for (const chunk of replay(base, total)) {
    clusterer.add(chunk);
    done += chunk.length;
    if (done === tenth) {
      firstTenthMs = performance.now() - t0;
      firstTenthCpu = cpuMicros(process.cpuUsage(cpu0));
    }
    if (done === total - tenth) {
      lastTenthStart = performance.now();
      lastTenthCpu = process.cpuUsage();
    }
  }
  const lastCpu = cpuMicros(process.cpuUsage(lastTenthCpu));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const lastTenthMs = performance.now() - lastTenthStart;
  const active = clusterer.stories().length;
  const snapshotKb = Math.round(JSON.stringify(clusterer.snapshot()).length / 1024);
  console.log(
    [
      `${total.toLocaleString('en')} articles, ${mode === 'cold' ? 'cold' : `warm (after ${WARM_UP.toLocaleString('en')} untimed demo articles)`}`,
      `${Math.round(total / (wallMs / 1000)).toLocaleString('en')} articles/s (wall)`,
      `${((wallMs * 1000) / total).toFixed(1)} µs/article (wall), ${((cpuMs * 1000) / total).toFixed(1)} µs (CPU, all threads)`,
      `first 10% ${((firstTenthMs * 1000) / tenth).toFixed(1)} µs/article wall (${(firstTenthCpu / tenth).toFixed(1)} CPU), last 10% ${((lastTenthMs * 1000) / tenth).toFixed(1)} wall (${(lastCpu / tenth).toFixed(1)} CPU)`,
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      `heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`,
      `stories closed ${closed.toLocaleString('en')}, active ${active}`,
      `snapshot ${snapshotKb.toLocaleString('en')} KB`,
    ].join(' | '),
  );
}

const size = Number(process.argv[2]);
const modeArg = process.argv[3];
const modes = MODES.filter((m) => modeArg === undefined || m === modeArg);
if (modes.length === 0) {
  console.error(`unknown mode ${modeArg}: expected ${MODES.join(' or ')}`);
  process.exit(2);
}
if (!existsSync(source) || !existsSync(DEMO_FEEDS)) {
  console.log(`data missing: ${existsSync(source) ? DEMO_FEEDS : source}`);
} else if (Number.isFinite(size) && size > 0 && modeArg !== undefined) {
  await runOne(size, modeArg as Mode);
} else {
  const sizes = Number.isFinite(size) && size > 0 ? [size] : [10_000, 100_000, 1_000_000];
  for (const total of sizes) {
    for (const mode of modes) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), String(total), mode],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
  }
}
