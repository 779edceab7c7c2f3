// Benchmark of @newsloom/store on SQLite: `pnpm --filter @newsloom/store bench`.
// 1. Upserts/s for 100k articles vs a bare better-sqlite3 prepared-insert loop (same table,
//    same indexes, same batch size, same run). 2. Latency of 24-hour window queries over 1M
//    articles spread over a year.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, parseArticle } from '@newsloom/core';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/index';
import { MIGRATIONS } from '../src/sqlite/migrations';

const UPSERT_COUNT = 100_000;
const WINDOW_COUNT = 1_000_000;
const BATCH = 1000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-bench-'));

function makeArticle(n: number, spreadMs: number, withText: boolean): Article {
  return parseArticle({
    id: `a${n}`,
    url: `https://outlet${n % 50}.example/news/${n}`,
    outlet: `Outlet ${n % 50}`,
    title: `Council votes on budget item ${n} after long debate`,
    summary: `The council met on Tuesday to discuss item ${n}; members raised concerns about costs.`,
    ...(withText ? { text: `Paragraph about item ${n} and the city budget. `.repeat(12) } : {}),
    publishedAt: new Date(START + Math.floor((n * spreadMs) / WINDOW_COUNT)).toISOString(),
  });
}

const ROUNDS = 3;

function freshPath(name: string): string {
  const path = join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return path;
}

/** A bare better-sqlite3 loop: same table and indexes, prepared insert, one transaction a batch. */
function openBareInsert(path: string): {
  insertBatch: (rows: readonly Article[]) => void;
  close: () => void;
} {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(MIGRATIONS[0]?.up ?? '');
  const insert = db.prepare(
    `INSERT INTO articles (id, canonical_url, outlet_id, feed_id, published_at, content_hash,
       fetched_at, first_seen_at, last_seen_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBatch = db.transaction((rows: readonly Article[]) => {
    for (const a of rows) {
      insert.run(
        a.id,
        a.canonicalUrl,
        a.outletId,
        a.feedId ?? null,
        a.publishedAt,
        a.contentHash ?? null,
        null,
        null,
        null,
        JSON.stringify(a),
      );
    }
  });
  return { insertBatch, close: () => db.close() };
}

/**
 * Bare loop and store upserts, alternating batch by batch into two fresh files, so both see
 * the same load from other processes. Returns rows/s of each.
 */
async function interleavedRates(
  articles: readonly Article[],
  round: number,
): Promise<{ bare: number; store: number }> {
  const bare = openBareInsert(freshPath(`bare-${round}.db`));
  const store = openSqliteStore({ path: freshPath(`upsert-${round}.db`) });
  let bareMs = 0;
  let storeMs = 0;
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    const t0 = performance.now();
    bare.insertBatch(batch);
    const t1 = performance.now();
    await store.upsertArticles(batch);
    const t2 = performance.now();
    bareMs += t1 - t0;
    storeMs += t2 - t1;
  }
  bare.close();
  await store.close();
  return { bare: (articles.length * 1000) / bareMs, store: (articles.length * 1000) / storeMs };
}

async function unchangedRate(articles: readonly Article[], round: number): Promise<number> {
  const store = openSqliteStore({ path: join(dir, `upsert-${round}.db`) });
  const started = performance.now();
  for (let i = 0; i < articles.length; i += BATCH)
    await store.upsertArticles(articles.slice(i, i + BATCH));
  const ms = performance.now() - started;
  await store.close();
  return (articles.length * 1000) / ms;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function upsertBenchmark(): Promise<void> {
  const articles = Array.from({ length: UPSERT_COUNT }, (_, n) => makeArticle(n, 30 * DAY, true));
  const rounds: { bare: number; store: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1)
    rounds.push(await interleavedRates(articles, round));
  const again = await unchangedRate(articles, 0);
  const rate = (values: readonly number[]) => `median ${Math.round(median(values))} rows/s`;
  const ratios = rounds.map((r) => r.store / r.bare);
  console.log(
    `upsert ${UPSERT_COUNT} new articles (batches of ${BATCH}, title+summary+~550 chars text), ${ROUNDS} rounds, batch-interleaved:`,
  );
  console.log(`  bare better-sqlite3 prepared insert: ${rate(rounds.map((r) => r.bare))}`);
  console.log(`  store.upsertArticles:               ${rate(rounds.map((r) => r.store))}`);
  console.log(
    `  store / bare per round: ${ratios.map((r) => `${Math.round(100 * r)}%`).join(', ')} (median ${Math.round(100 * median(ratios))}%)`,
  );
  console.log(`  store.upsertArticles, all 100k again (unchanged): ${Math.round(again)} rows/s`);
}

async function windowBenchmark(): Promise<void> {
  const path = join(dir, 'window.db');
  const store = openSqliteStore({ path });
  const loadStart = performance.now();
  for (let i = 0; i < WINDOW_COUNT; i += 10_000) {
    const batch = Array.from({ length: 10_000 }, (_, k) => makeArticle(i + k, 365 * DAY, false));
    await store.upsertArticles(batch);
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const windows: [string, string][] = [];
  for (let day = 10; day < 365; day += 12) {
    const since = new Date(START + day * DAY + 7 * 3_600_000).toISOString();
    windows.push([since, new Date(Date.parse(since) + DAY).toISOString()]);
  }
  const timings: number[] = [];
  let rows = 0;
  for (const [since, until] of windows) {
    const started = performance.now();
    rows = 0;
    for await (const _ of store.queryArticles({ since, until })) rows += 1;
    timings.push(performance.now() - started);
  }
  await store.close();
  const sqlOnly = rawWindowTimings(path, windows);
  console.log(
    `24-hour window over ${WINDOW_COUNT} articles spread over 365 days (load: ${loadSeconds.toFixed(0)} s):`,
  );
  console.log(`  ${timings.length} windows of ~${rows} articles each`);
  console.log(
    `  store.queryArticles (streamed, JSON-decoded, zod-validated): ${summarise(timings)}`,
  );
  console.log(
    `  the same SELECT alone (rows fetched, not decoded):           ${summarise(sqlOnly)}`,
  );
}

/** The window query through a bare connection, to separate SQLite's time from decoding. */
function rawWindowTimings(path: string, windows: readonly [string, string][]): number[] {
  const db = new Database(path, { readonly: true });
  const select = db.prepare(
    'SELECT id, published_at, content, fetched_at FROM articles WHERE published_at >= ? AND published_at < ? ORDER BY published_at, id',
  );
  const timings = windows.map(([since, until]) => {
    const started = performance.now();
    select.all(since, until);
    return performance.now() - started;
  });
  db.close();
  return timings;
}

function summarise(timings: readonly number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

try {
  // `--upsert-only` / `--window-only` run one half.
  if (!process.argv.includes('--window-only')) await upsertBenchmark();
  if (!process.argv.includes('--upsert-only')) await windowBenchmark();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
