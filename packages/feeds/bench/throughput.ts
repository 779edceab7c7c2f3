// Parse throughput on the 61 real feeds of ../shared/data/feeds/real: @newsloom/feeds against the
// npm parsers people reach for. Median of repeated passes in one process; every parser gets the
// same files (ours the bytes, as fetchFeed hands them over, decoding included; the others a
// UTF-8 string, which is what their APIs take). Then peak memory on a synthesized 50 MB feed,
// in a child process of its own.
// Each timed pass follows an untimed pass of the same parser, so that it runs in that parser's
// own steady state: otherwise it pays for the garbage the parser before it left (the first
// parser of a round, ours from bytes, measured 10-20% slower than the same code placed second).
// NEWSLOOM_BENCH_SETTLE=0 times every pass back to back instead, as before 2026-12-03.
// Usage: pnpm --filter @newsloom/feeds bench  [passes]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFromXml } from '@extractus/feed-extractor';
import { parseFeed as rowanmanning } from '@rowanmanning/feed-parser';
import FeedParser from 'feedparser';
import { parseFeed as feedsmith } from 'feedsmith';
import RssParser from 'rss-parser';
import { parseFeed } from '../src/index';

const here = dirname(fileURLToPath(import.meta.url));
const realDir = join(
  process.env.NEWSLOOM_DATA ?? resolve(here, '../../../../shared/data'),
  'feeds/real',
);
const passes = Number(process.argv[2] ?? 21);
const settle = process.env.NEWSLOOM_BENCH_SETTLE !== '0';

type Parse = (bytes: Buffer, text: string) => unknown;

const rssParser = new RssParser();
const parsers: [string, Parse][] = [
  ['@newsloom/feeds', (bytes) => parseFeed(bytes)],
  ['@newsloom/feeds (string)', (_, text) => parseFeed(text)],
  ['feedsmith', (_, text) => feedsmith(text)],
  ['rss-parser', (_, text) => rssParser.parseString(text)],
  ['@extractus/feed-extractor', (_, text) => extractFromXml(text)],
  ['@rowanmanning/feed-parser', (_, text) => rowanmanning(text)],
  ['feedparser (npm)', (_, text) => viaFeedparser(text)],
];

function viaFeedparser(text: string): Promise<unknown[]> {
  return new Promise((done) => {
    const items: unknown[] = [];
    const parser = new FeedParser({});
    parser.on('error', () => undefined);
    parser.on('readable', () => {
      for (let item = parser.read(); item; item = parser.read()) items.push(item);
    });
    parser.on('end', () => done(items));
    parser.end(text);
  });
}

async function pass(
  parse: Parse,
  files: Buffer[],
  texts: string[],
): Promise<{ ms: number; cpuMs: number; failures: number }> {
  let failures = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < files.length; i++) {
    try {
      await parse(files[i] as Buffer, texts[i] as string);
    } catch {
      failures++;
    }
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1000, failures };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  if (!existsSync(realDir)) {
    console.log(
      `dataset missing: ${realDir} (the real feeds live beside the repository); nothing to measure.`,
    );
    return;
  }
  const names = readdirSync(realDir).sort();
  const files = names.map((name) => readFileSync(join(realDir, name)));
  const texts = files.map((bytes) => bytes.toString('utf8'));
  const mb = files.reduce((sum, f) => sum + f.byteLength, 0) / 1e6;
  console.log(
    `${names.length} feeds, ${mb.toFixed(2)} MB, median of ${passes} interleaved passes (after 2 warm-up passes${settle ? ', each after an untimed one' : ''}), Node ${process.version}\n`,
  );
  // Passes are interleaved (one pass of each parser in turn), so a change in machine load
  // touches every parser alike.
  const runs = parsers.map(() => [] as number[]);
  const cpuRuns = parsers.map(() => [] as number[]);
  const failures = parsers.map(() => 0);
  for (let p = -2; p < passes; p++) {
    for (const [index, [, parse]] of parsers.entries()) {
      if (settle) await pass(parse, files, texts);
      const run = await pass(parse, files, texts);
      if (p >= 0) runs[index]?.push(run.ms);
      if (p >= 0) cpuRuns[index]?.push(run.cpuMs);
      failures[index] = run.failures;
    }
  }
  const results = parsers.map(([name], index) => {
    const seconds = median(runs[index] ?? []) / 1000;
    const threw = failures[index] ? `  (${failures[index]} feeds threw)` : '';
    console.log(
      `${name.padEnd(28)} ${(mb / seconds).toFixed(1).padStart(7)} MB/s ${(names.length / seconds).toFixed(0).padStart(7)} feeds/s${threw}`,
    );
    return { name, mbps: mb / seconds };
  });
  // Load from other processes drifts during a run: the ratio measured round by round (the
  // passes of one round ran back to back) is steadier than the ratio of two medians.
  const smithIndex = parsers.findIndex(([name]) => name === 'feedsmith');
  const roundRatio = (index: number, of = runs) =>
    median((of[smithIndex] ?? []).map((ms, round) => ms / (of[index]?.[round] ?? ms)));
  const ours = results[0]?.mbps ?? 0;
  const smith = results[smithIndex]?.mbps ?? 1;
  console.log(
    `\n@newsloom/feeds / feedsmith, ratio of medians: ${(ours / smith).toFixed(2)}× from bytes (decoding included), ${((results[1]?.mbps ?? 0) / smith).toFixed(2)}× from the same strings`,
  );
  console.log(
    `@newsloom/feeds / feedsmith, median of per-round ratios: ${roundRatio(0).toFixed(2)}× from bytes, ${roundRatio(1).toFixed(2)}× from strings`,
  );
  // CPU time of the process (GC threads included) is less disturbed by other processes.
  console.log(
    `@newsloom/feeds / feedsmith, same by CPU time: ${roundRatio(0, cpuRuns).toFixed(2)}× from bytes, ${roundRatio(1, cpuRuns).toFixed(2)}× from strings`,
  );
  console.log('\nPeak memory on a synthesized 50 MB feed (separate process):');
  execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--conditions=@newsloom/source',
      '--import',
      'tsx',
      join(here, 'memory.ts'),
      '50',
    ],
    { stdio: 'inherit' },
  );
}

await main();
