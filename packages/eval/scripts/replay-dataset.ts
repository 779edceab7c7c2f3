import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface RawArticle {
  id: string;
  url?: string;
  canonicalUrl?: string;
  publishedAt: string;
  [field: string]: unknown;
}

const DAY_MS = 86_400_000;

const lines = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/**
 * Writes `total` articles replayed from the clustering set in `folder` to `outDir`
 * (`articles.jsonl` + `labels.jsonl`), the way `packages/cluster/bench/stream.ts` replays it:
 * articles in publication order, copy k shifted by k × (the set's time span + 30 days) so no
 * story spans two copies, with id `<id>-r<k>`, url `<url>#r<k>` and gold story `<story>-r<k>`.
 * The last copy is cut short when `total` is not a multiple of the set's size.
 */
export function writeReplay(folder: string, total: number, outDir: string): void {
  const base = (lines(join(folder, 'articles.jsonl')) as RawArticle[])
    .map((a) => ({ a, t: Date.parse(a.publishedAt) }))
    .sort((x, y) => x.t - y.t);
  const gold = new Map<string, string>();
  for (const record of lines(join(folder, 'labels.jsonl')) as { id: string; story: unknown }[]) {
    gold.set(record.id, String(record.story));
  }
  const first = base[0]?.t ?? 0;
  const span = (base[base.length - 1]?.t ?? 0) - first + 30 * DAY_MS;
  const articles: string[] = [];
  const labels: string[] = [];
  for (let n = 0; n < total; n++) {
    const copy = Math.floor(n / base.length);
    const { a, t } = base[n % base.length] as { a: RawArticle; t: number };
    const id = `${a.id}-r${copy}`;
    const replayed: RawArticle = {
      ...a,
      id,
      publishedAt: new Date(t + copy * span).toISOString(),
    };
    if (a.url !== undefined) replayed.url = `${a.url}#r${copy}`;
    if (a.canonicalUrl !== undefined) replayed.canonicalUrl = `${a.canonicalUrl}#r${copy}`;
    articles.push(JSON.stringify(replayed));
    const story = gold.get(a.id);
    if (story !== undefined) labels.push(JSON.stringify({ id, story: `${story}-r${copy}` }));
  }
  writeFileSync(join(outDir, 'articles.jsonl'), `${articles.join('\n')}\n`);
  writeFileSync(join(outDir, 'labels.jsonl'), `${labels.join('\n')}\n`);
}
