// Builds the bundled demo data (demo/data) from the AllSides 2021 dev articles in
// ../shared/data/clustering/allsides-2021-dev (AllSides.com pages as crawled in
// HLTCHKUST/framing-bias-metric, README says MIT): one RSS 2.0 file per outlet, an OPML that
// lists them as relative file feeds, the outlets with AllSides' lean rating, and the gold story
// labels keyed by URL. Run from the repository root:
//   node --conditions=@newsloom/source --import tsx packages/newsloom/scripts/build-demo-data.ts
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outletIdFromName } from '@newsloom/core';

interface Row {
  id: string;
  url: string;
  outlet: string;
  title: string;
  summary?: string;
  publishedAt: string;
  meta?: { lean?: string };
}

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(
  process.argv[2] ?? join(here, '../../../../shared/data/clustering/allsides-2021-dev'),
);
const target = join(here, '../demo/data');

const xml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );

function rss(outlet: string, rows: readonly Row[]): string {
  const first = rows[0];
  const home = first ? new URL(first.url).origin : 'https://www.allsides.com';
  const items = rows.map(
    (r) =>
      `<item><title>${xml(r.title)}</title><link>${xml(r.url)}</link><guid isPermaLink="true">${xml(r.url)}</guid><pubDate>${new Date(r.publishedAt).toUTCString()}</pubDate><description>${xml(r.summary ?? '')}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${xml(outlet)}</title><link>${xml(home)}</link><description>${xml(outlet)} articles from the AllSides 2021 dataset (newsloom demo)</description>\n${items.join('\n')}\n</channel></rss>\n`;
}

function main(): void {
  const articles = join(source, 'articles.jsonl');
  if (!existsSync(articles)) {
    console.log(`dataset missing: ${articles} (the bundled demo data in ${target} is used as is)`);
    return;
  }
  const rows = readFileSync(articles, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
  const byOutlet = new Map<string, Row[]>();
  for (const row of rows) byOutlet.set(row.outlet, [...(byOutlet.get(row.outlet) ?? []), row]);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'feeds'), { recursive: true });
  const outlines: string[] = [];
  const outlets: unknown[] = [];
  for (const [outlet, list] of [...byOutlet].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort(
      (a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.url.localeCompare(b.url),
    );
    const id = outletIdFromName(outlet);
    writeFileSync(join(target, 'feeds', `${id}.xml`), rss(outlet, sorted));
    outlines.push(
      `    <outline type="rss" text="${xml(outlet)}" title="${xml(outlet)}" xmlUrl="feeds/${id}.xml"/>`,
    );
    const lean = list[0]?.meta?.lean;
    outlets.push({
      id,
      name: outlet,
      attributes: lean ? [{ name: 'lean', value: lean, source: 'AllSides', asOf: '2021' }] : [],
    });
  }
  writeFileSync(
    join(target, 'allsides-2021.opml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>AllSides 2021 demo feeds</title></head>\n  <body>\n${outlines.join('\n')}\n  </body>\n</opml>\n`,
  );
  writeFileSync(join(target, 'outlets.json'), `${JSON.stringify(outlets, null, 2)}\n`);
  const labels = readFileSync(join(source, 'labels.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; story: string });
  const urlOf = new Map(rows.map((r) => [r.id, r.url]));
  writeFileSync(
    join(target, 'labels.jsonl'),
    `${labels.map((l) => JSON.stringify({ url: urlOf.get(l.id), story: l.story })).join('\n')}\n`,
  );
  console.log(`wrote ${byOutlet.size} feeds (${rows.length} articles) to ${target}`);
}

main();
