// Scores @newsloom/summarize against reference summaries and headlines, with baselines in the
// same run. Usage: pnpm --filter @newsloom/eval eval:summarize [--limit N] [--set name]
// (DIGITS=5 in the environment prints ROUGE with five decimals, for close comparisons).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorySummary } from '@newsloom/core';
import {
  headlineProblems,
  isCut,
  sectionTitleProblems,
  summarizeStory,
  verifyCitations,
} from '@newsloom/summarize';
import {
  centroidBaseline,
  firstWords,
  leadBaseline,
  loadSummarizationExamples,
  mostCentralTitle,
  type RougeScores,
  rouge,
  roundRobinLeadBaseline,
  type SummarizationExample,
} from '../src/summarization/index';

const DATA = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/summarization',
);
const WORDS = 100;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** The summary's sentences in reading order (headings are not summary text). */
const summaryText = (s: StorySummary): string =>
  s.sections.flatMap((x) => x.sentences.map((y) => y.text)).join(' ');

type Totals = Map<string, { r1: number; r2: number; rl: number; n: number }>;

function add(totals: Totals, system: string, scores: RougeScores): void {
  const t = totals.get(system) ?? { r1: 0, r2: 0, rl: 0, n: 0 };
  t.r1 += scores.rouge1.f;
  t.r2 += scores.rouge2.f;
  t.rl += scores.rougeL.f;
  t.n += 1;
  totals.set(system, t);
}

interface Citations {
  sentences: number;
  cited: number;
  citations: number;
  supported: number;
  ms: number[];
  headlines: number;
  headlinesOk: number;
  headlinesCut: number;
  titles: number;
  titlesOk: number;
}

function scoreExample(
  ex: SummarizationExample,
  sums: Totals,
  heads: Totals,
  cites: Citations,
): void {
  const ref = ex.reference;
  const a = ex.articles;
  add(sums, 'lead', rouge(leadBaseline(a, WORDS), ref.summary));
  add(sums, 'round-robin lead', rouge(roundRobinLeadBaseline(a, WORDS), ref.summary));
  add(sums, 'tf-idf centroid', rouge(centroidBaseline(a, WORDS), ref.summary));
  add(heads, 'most-central title', rouge(mostCentralTitle(a), ref.headline));
  if (a.length === 0) {
    add(sums, 'newsloom', rouge('', ref.summary));
    add(heads, 'newsloom', rouge('', ref.headline));
    return;
  }
  const t0 = performance.now();
  const summary = summarizeStory(ex.story, a);
  cites.ms.push(performance.now() - t0);
  add(sums, 'newsloom', rouge(firstWords(summaryText(summary), WORDS), ref.summary));
  add(heads, 'newsloom', rouge(summary.headline, ref.headline));
  const names = a.flatMap((x) => (x.outletName ? [x.outletName] : []));
  cites.headlines += 1;
  if (headlineProblems(summary.headline, names).length === 0) cites.headlinesOk += 1;
  if (isCut(summary.headline)) cites.headlinesCut += 1;
  for (const section of summary.sections) {
    cites.titles += 1;
    if (sectionTitleProblems(section.heading).length === 0) cites.titlesOk += 1;
  }
  const report = verifyCitations(summary, a);
  cites.sentences += report.sentenceCount;
  cites.cited += report.citedSentences;
  cites.citations += report.citationCount;
  cites.supported += report.supportedCitations;
}

function print(title: string, totals: Totals): void {
  console.log(`  ${title}`);
  for (const [system, t] of totals) {
    const f = (x: number): string => (x / t.n).toFixed(Number(process.env.DIGITS ?? 3));
    console.log(`    ${system.padEnd(20)} R1 ${f(t.r1)}  R2 ${f(t.r2)}  RL ${f(t.rl)}  (n=${t.n})`);
  }
}

function evaluate(set: string): void {
  const limit = Number(arg('limit') ?? Number.POSITIVE_INFINITY);
  const examples = loadSummarizationExamples(join(DATA, set, 'stories.jsonl')).slice(0, limit);
  const sums: Totals = new Map();
  const heads: Totals = new Map();
  const cites: Citations = {
    ...{ sentences: 0, cited: 0, citations: 0, supported: 0, ms: [] },
    ...{ headlines: 0, headlinesOk: 0, headlinesCut: 0, titles: 0, titlesOk: 0 },
  };
  for (const ex of examples) scoreExample(ex, sums, heads, cites);
  const ms = [...cites.ms].sort((x, y) => x - y);
  const pct = (x: number, n: number): string => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
  console.log(`${set}: ${examples.length} stories`);
  print(`summary (first ${WORDS} words) vs reference.summary, ROUGE F1`, sums);
  print('headline vs reference.headline, ROUGE F1', heads);
  console.log(`  sentences cited ${pct(cites.cited, cites.sentences)} of ${cites.sentences}`);
  console.log(
    `  citations verified ${pct(cites.supported, cites.citations)} of ${cites.citations}`,
  );
  console.log(
    `  headlines passing the rules ${pct(cites.headlinesOk, cites.headlines)} of ${cites.headlines}; cut mid-sentence ${cites.headlinesCut}`,
  );
  console.log(
    `  section titles passing the rules ${pct(cites.titlesOk, cites.titles)} of ${cites.titles}`,
  );
  console.log(`  summarizeStory median ${(ms[Math.floor(ms.length / 2)] ?? 0).toFixed(2)} ms\n`);
}

if (!existsSync(DATA)) {
  console.log(`dataset missing: ${DATA} (summarisation evaluation skipped)`);
} else {
  const only = arg('set');
  for (const set of readdirSync(DATA).sort()) {
    if (only === undefined || set === only) {
      if (existsSync(join(DATA, set, 'stories.jsonl'))) evaluate(set);
    }
  }
}
