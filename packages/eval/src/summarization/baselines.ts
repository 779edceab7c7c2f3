import { contentTerms, dot, normalize, type SparseVector, splitSentences } from '@newsloom/text';
import { firstWords } from './rouge';

/** The part of an article a summarisation baseline reads. */
export interface BaselineArticle {
  title: string;
  summary?: string | undefined;
  text?: string | undefined;
}

const bodyOf = (a: BaselineArticle): string => a.text ?? a.summary ?? '';

/**
 * Lead baseline: the first article's opening, cut to `maxWords` words.
 *
 * @example
 * ```ts
 * leadBaseline([{ title: 't', summary: 'One. Two.' }], 1); // 'One.'
 * ```
 */
export function leadBaseline(articles: readonly BaselineArticle[], maxWords = 100): string {
  const first = articles[0];
  return first ? firstWords(bodyOf(first), maxWords) : '';
}

/**
 * Round-robin lead baseline: each article's first sentence in turn, then each one's second…,
 * until `maxWords` words.
 *
 * @example
 * ```ts
 * roundRobinLeadBaseline([{ title: 'a', summary: 'A1. A2.' }, { title: 'b', summary: 'B1.' }]); // 'A1. B1. A2.'
 * ```
 */
export function roundRobinLeadBaseline(
  articles: readonly BaselineArticle[],
  maxWords = 100,
): string {
  const lists = articles.map((a) => splitSentences(bodyOf(a)).map((s) => s.text));
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i += 1)
    for (const list of lists) if (list[i]) out.push(list[i] as string);
  return firstWords(out.join(' '), maxWords);
}

/** Unit-length vector of a text's content terms, each occurrence weighing its idf. */
function vectorOf(text: string, idf: ReadonlyMap<string, number>): SparseVector {
  const v = new Map<string, number>();
  for (const t of contentTerms(text)) v.set(t, (v.get(t) ?? 0) + (idf.get(t) ?? 1));
  return normalize(v);
}

function idfOf(docs: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(contentTerms(d))) df.set(t, (df.get(t) ?? 0) + 1);
  return new Map([...df].map(([t, n]) => [t, Math.log((docs.length + 1) / (n + 1)) + 1]));
}

/**
 * TF-IDF centroid baseline: sentences ranked by cosine to the centroid of all articles, taken in
 * that order (skipping near-duplicates, cosine ≥ 0.8) until `maxWords` words.
 *
 * @example
 * ```ts
 * centroidBaseline(articles, 100);
 * ```
 */
export function centroidBaseline(articles: readonly BaselineArticle[], maxWords = 100): string {
  const docs = articles.map(bodyOf);
  const idf = idfOf(docs);
  const centroid = vectorOf(docs.join(' '), idf);
  const sentences = docs.flatMap((d) => splitSentences(d).map((s) => s.text));
  const ranked = sentences
    .map((text, i) => ({ text, i, v: vectorOf(text, idf) }))
    .map((s) => ({ ...s, score: dot(s.v, centroid) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: typeof ranked = [];
  for (const s of ranked) if (!chosen.some((c) => dot(c.v, s.v) >= 0.8)) chosen.push(s);
  return firstWords(chosen.map((s) => s.text).join(' '), maxWords);
}

/**
 * Most-central-title baseline for headlines: the title with the highest mean TF-IDF cosine to
 * the other titles (the first title on ties).
 *
 * @example
 * ```ts
 * mostCentralTitle([{ title: 'Fed raises rates' }, { title: 'Fed raises interest rates again' }]);
 * ```
 */
export function mostCentralTitle(articles: readonly BaselineArticle[]): string {
  const titles = articles.map((a) => a.title);
  const idf = idfOf(titles);
  const vectors = titles.map((t) => vectorOf(t, idf));
  let best = { title: titles[0] ?? '', score: Number.NEGATIVE_INFINITY };
  vectors.forEach((v, i) => {
    const score = vectors.reduce((s, o, j) => (j === i ? s : s + dot(v, o)), 0);
    if (score > best.score) best = { title: titles[i] ?? '', score };
  });
  return best.title;
}
