import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { research } from '../src/main';

const FEEDS = fileURLToPath(
  new URL('../../../packages/newsloom/demo/data/feeds/', import.meta.url),
);
const OUTLETS = [
  'fox-news-online-news',
  'the-hill',
  'new-york-times-news',
  'cnn-online-news',
  'reuters',
  'washington-examiner',
];

it('exports the coverage matrix as CSV, the report as JSON and a chart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-research-'));
  const outlines = OUTLETS.map(
    (id) => `<outline type="rss" text="${id}" xmlUrl="file://${join(FEEDS, `${id}.xml`)}"/>`,
  );
  writeFileSync(
    join(dir, 'subset.opml'),
    `<?xml version="1.0"?><opml version="2.0"><head/><body>${outlines.join('')}</body></opml>`,
  );
  const edition = await research(join(dir, 'out'), join(dir, 'subset.opml'));
  const csv = readFileSync(join(dir, 'out', 'coverage-matrix.csv'), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toMatch(/^story_id,outlet_id,/);
  expect(csv.length - 1).toBe(edition.coverage.matrix.length);
  expect(new Set(edition.coverage.matrix.map((c) => c.outletId)).size).toBe(OUTLETS.length);
  expect(readFileSync(join(dir, 'out', 'outlet-coverage.svg'), 'utf8')).toMatch(
    /^<svg[^>]*>.*<rect/s,
  );
  expect(
    JSON.parse(readFileSync(join(dir, 'out', 'coverage-report.json'), 'utf8')).topHeadlines.length,
  ).toBeGreaterThan(0);
}, 60_000);
