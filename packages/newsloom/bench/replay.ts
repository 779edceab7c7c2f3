// The bundled real articles (AllSides 2021 dev set, ../shared/data) replayed to any size: copy k
// gets ids and URLs suffixed with k and dates shifted past copy k-1, as the cluster bench does.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Article, parseArticle, readJsonl } from '@newsloom/core';

const here = dirname(fileURLToPath(import.meta.url));
/** The source set; the bench says so and stops when it is missing. */
export const SOURCE = resolve(
  here,
  '../../../../shared/data/clustering/allsides-2021-dev/articles.jsonl',
);

/** Whether the source set is present (a fresh clone without ../shared has none). */
export const hasSource = () => existsSync(SOURCE);

/** The source articles, oldest first. */
export async function loadSource(): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const a of readJsonl(SOURCE, { parse: parseArticle })) articles.push(a);
  return articles.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
}

/** Articles `from` .. `to - 1` of the endless replay of `base`, in chunks of `chunk`. */
export function* replay(
  base: readonly Article[],
  from: number,
  to: number,
  chunk = 1000,
): Generator<Article[]> {
  const first = Date.parse(base[0]?.publishedAt ?? '');
  const span = Date.parse(base.at(-1)?.publishedAt ?? '') - first + 30 * 86_400_000;
  let batch: Article[] = [];
  for (let n = from; n < to; n += 1) {
    const copy = Math.floor(n / base.length);
    const a = base[n % base.length] as Article;
    const url = `${a.url}#r${copy}`;
    batch.push({
      ...a,
      id: `${a.id}-r${copy}` as Article['id'],
      url,
      canonicalUrl: url,
      publishedAt: new Date(Date.parse(a.publishedAt) + copy * span).toISOString(),
    });
    if (batch.length === chunk) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
