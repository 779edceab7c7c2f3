// Per-article cost of the functions the story clusterer calls on every article (see
// packages/cluster/src/features.ts): the AllSides dev set (title + snippet) and the BBC 2005 set
// (full texts, cut to the clusterer's 2,000-character lead). Median of repeated passes after
// warm-up, in µs per article, and a checksum of the outputs (speed-ups must not change it).
//   pnpm --filter @newsloom/text bench          (15 passes)
//   pnpm --filter @newsloom/text bench 31       (31 passes)
//   pnpm --filter @newsloom/text bench 15 tfidf (only the cases whose name contains "tfidf")
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTermModel,
  createTfIdfModel,
  createTokenRun,
  dot,
  EntityLexicon,
  isStopword,
  norm,
  quickEntities,
  simhashTokens,
  stem,
  TermVocabulary,
  TokenLexicon,
  termCounts,
  tokenize,
  topTerms,
} from '../src/index';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const SETS = [
  ['allsides', `${DATA}/clustering/allsides-2021-dev/articles.jsonl`],
  ['bbc-2005', `${DATA}/text/bbc-2005/articles.jsonl`],
] as const;
const BODY_TOKENS = 250; // the clusterer's default lead size
const passes = Number(process.argv[2]) > 2 ? Number(process.argv[2]) : 15;
const only = process.argv[3] ?? '';

interface Input {
  title: string;
  lead: string;
  entityText: string;
  tokens: string[];
  contentTokens: string[];
  hashTokens: string[];
  titleTerms: string[];
  bodyTerms: string[];
}

function load(path: string): Input[] {
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { title: string; summary?: string; text?: string });
  return rows.map((r) => {
    const lead = `${r.summary ?? ''} ${r.text ?? ''}`.slice(0, BODY_TOKENS * 8);
    const leadTokens = tokenize(lead).slice(0, BODY_TOKENS);
    const titleTokens = tokenize(r.title);
    const titleTerms = titleTokens.filter((t) => !isStopword(t)).map(stem);
    const leadTerms = leadTokens.filter((t) => !isStopword(t)).map(stem);
    return {
      title: r.title,
      lead,
      entityText: lead.slice(0, 600),
      tokens: titleTokens.concat(leadTokens),
      contentTokens: titleTokens.concat(leadTokens).filter((t) => !isStopword(t)),
      hashTokens: titleTokens.concat(leadTokens.slice(0, 64)),
      titleTerms,
      bodyTerms: titleTerms.concat(leadTerms),
    };
  });
}

type Case = (inputs: readonly Input[]) => unknown[];

// Each case keeps its outputs so they can be checksummed after timing (JSON keeps every float's
// exact value; maps become entry lists).
function cases(vectors: readonly Map<string, number>[], total: Map<string, number>) {
  const lexicon = new TokenLexicon(new TermVocabulary());
  const run = createTokenRun();
  const entityLexicon = new EntityLexicon(new TermVocabulary());
  const all: Record<string, Case> = {
    tokenize: (xs) => xs.map((x) => [tokenize(x.lead), tokenize(x.title)]),
    isStopword: (xs) =>
      xs.map((x) => {
        let stops = 0;
        for (const t of x.tokens) if (isStopword(t)) stops += 1;
        return stops;
      }),
    'stem (memoised)': (xs) => xs.map((x) => x.contentTokens.map(stem)),
    quickEntities: (xs) => xs.map((x) => quickEntities(x.entityText)),
    simhashTokens: (xs) => xs.map((x) => simhashTokens(x.hashTokens, 3)),
    termCounts: (xs) => xs.map((x) => termCounts(x.bodyTerms)),
    'tfidf addDocument+vector': (xs) => {
      const model = createTfIdfModel();
      return xs.map((x) => [model.addDocument(x.bodyTerms), model.vector(x.titleTerms)]);
    },
    // The interned-id path the clusterer takes: tokens, stop words, stems and token hashes of the
    // lead (first 250 tokens) and title in one pass each; quick entities as ids; id TF-IDF.
    // (Each lexicon persists across passes, as in a stream: a token is stemmed on first sight.)
    'TokenLexicon.scan': (xs) => {
      return xs.map((x) => [
        Array.from(run.terms.subarray(0, lexicon.scan(x.lead, run, BODY_TOKENS))),
        Array.from(run.terms.subarray(0, lexicon.scan(x.title, run))),
      ]);
    },
    'EntityLexicon.ids': (xs) => {
      return xs.map((x) => entityLexicon.ids(x.entityText));
    },
    'term model addDocument+vector': (xs) => {
      const model = createTermModel();
      const v = model.vocabulary;
      return xs.map((x) => [
        model.addDocument(x.bodyTerms.map((t) => v.id(t))).weights,
        model.vector(x.titleTerms.map((t) => v.id(t))).weights,
      ]);
    },
    'dot+norm+topTerms': () =>
      vectors.map((v, i) => {
        const dots: number[] = [dot(v, total)];
        for (let j = Math.max(0, i - 4); j < i; j++) dots.push(dot(v, vectors[j] as typeof v));
        return [dots, norm(v), topTerms(v, 8)];
      }),
  };
  return all;
}

const checksum = (outputs: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(outputs, (_k, v: unknown) => (v instanceof Map ? [...v] : v)))
    .digest('hex')
    .slice(0, 12);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function run(name: string, path: string): void {
  const inputs = load(path);
  const model = createTfIdfModel();
  const vectors = inputs.map((x) => model.addDocument(x.bodyTerms));
  const total = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) total.set(t, (total.get(t) ?? 0) + w);
  const tokens = inputs.reduce((n, x) => n + x.tokens.length, 0) / inputs.length;
  console.log(
    `${name}: ${inputs.length} articles, ${tokens.toFixed(0)} tokens each, ${passes} passes`,
  );
  for (const [label, fn] of Object.entries(cases(vectors, total))) {
    if (!label.includes(only)) continue;
    const times: number[] = [];
    let outputs: unknown[] = [];
    for (let p = 0; p < passes + 3; p++) {
      const t0 = performance.now();
      outputs = fn(inputs);
      if (p >= 3) times.push(performance.now() - t0);
    }
    const us = ((median(times) * 1000) / inputs.length).toFixed(2);
    console.log(
      `  ${label.padEnd(26)} ${us.padStart(7)} µs/article   outputs ${checksum(outputs)}`,
    );
  }
}

let found = false;
for (const [name, path] of SETS) {
  if (!existsSync(path)) {
    console.log(`dataset missing: ${path} (skipped)`);
    continue;
  }
  found = true;
  run(name, path);
}
if (!found) console.log('no dataset found beside the repository: nothing measured');
