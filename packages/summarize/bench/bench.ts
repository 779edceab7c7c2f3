// Speed of summarizeStory on real data: a 50-article full-text story (BBC 2005 articles of one
// category), 1,000 three-article stories (NeuS dev), and 1,000 singleton stories (the first
// article of each; most stories of a digest have one to three articles), without and with 1,000
// rated outlets (perspectives). CPU time (process.cpuUsage), so that a loaded machine counts
// less. Usage: pnpm --filter @newsloom/summarize bench
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Article,
  type Outlet,
  OutletSchema,
  parseArticle,
  type Story,
  StorySchema,
} from '@newsloom/core';
import { summarizeStory, verifyCitations } from '../src/index';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
const BBC = `${DATA}/text/bbc-2005/articles.jsonl`;
const NEUS = `${DATA}/summarization/neus-2022-dev/stories.jsonl`;

const readLines = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);

function storyOf(id: string, articles: readonly Article[]): Story {
  const times = articles.map((a) => a.publishedAt).sort();
  return StorySchema.parse({
    id,
    articleIds: articles.map((a) => a.id),
    createdAt: times[0],
    updatedAt: times.at(-1),
  });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function benchLargeStory(): void {
  const rows = readLines(BBC) as { category?: string; title: string; text: string }[];
  const business = rows.filter((r) => r.category === 'business').slice(0, 50);
  const articles = business.map((r, i) =>
    parseArticle({
      url: `https://bbc.invalid/${i}`,
      outlet: `outlet-${i % 7}`,
      title: r.title,
      text: r.text,
      publishedAt: '2005-01-01T00:00:00Z',
    }),
  );
  const story = storyOf('bbc-business-50', articles);
  for (let i = 0; i < 5; i += 1) summarizeStory(story, articles);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 30; i += 1) {
    const t0 = performance.now();
    summarizeStory(story, articles);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0).user / 1000 / 30;
  const words = articles.reduce((s, a) => s + (a.text ?? '').split(/\s+/).length, 0);
  console.log(
    `50-article full-text story (${words} words): median ${median(times).toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU a run (30 runs)`,
  );
}

function benchManyStories(): void {
  const rows = (readLines(NEUS) as { id: string; articles: unknown[] }[]).slice(0, 1000);
  const stories = rows.map((r) => {
    const articles = r.articles.map((a) => parseArticle(a));
    return { story: storyOf(r.id, articles), articles };
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let ok = 0;
  for (const { story, articles } of stories)
    if (verifyCitations(summarizeStory(story, articles), articles).ok) ok += 1;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0).user / 1e6;
  console.log(
    `${stories.length} NeuS stories summarised and verified in ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU (${ok} fully verified)`,
  );
}

/** 1,000 outlets rated by lean and country, among them the singletons' own outlets. */
function ratedOutlets(articles: readonly Article[]): Outlet[] {
  const ids: string[] = [...new Set(articles.map((a) => a.outletId))];
  for (let i = 0; ids.length < 1000; i += 1) ids.push(`rated-outlet-${i}`);
  return ids.map((id, i) =>
    OutletSchema.parse({
      id,
      name: id,
      attributes: [
        { name: 'lean', value: ['left', 'center', 'right'][i % 3], source: 'bench' },
        { name: 'country', value: `country-${i % 40}`, source: 'bench' },
      ],
    }),
  );
}

/** Median CPU µs a story over rounds through all stories (two rounds warm up first). */
function cpuMicrosPerStory(
  stories: readonly { story: Story; articles: Article[] }[],
  options: Parameters<typeof summarizeStory>[2],
): number {
  const rounds: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const cpu0 = process.cpuUsage();
    for (const { story, articles } of stories) summarizeStory(story, articles, options);
    if (round >= 2) rounds.push(process.cpuUsage(cpu0).user / stories.length);
  }
  return median(rounds);
}

function benchSingletons(): void {
  const rows = (readLines(NEUS) as { id: string; articles: unknown[] }[]).slice(0, 1000);
  const stories = rows.map((r) => {
    const articles = [parseArticle(r.articles[0])];
    return { story: storyOf(`${r.id}-single`, articles), articles };
  });
  const outlets = ratedOutlets(stories.flatMap((s) => s.articles));
  const plain = cpuMicrosPerStory(stories, {});
  const rated = cpuMicrosPerStory(stories, { outlets });
  console.log(
    `1,000 singleton stories (NeuS leads): ${plain.toFixed(0)} µs CPU a story; with 1,000 rated outlets (perspectives) ${rated.toFixed(0)} µs (median of 5 rounds)`,
  );
}

if (!existsSync(BBC) || !existsSync(NEUS)) {
  console.log(`dataset missing: ${existsSync(BBC) ? NEUS : BBC} (benchmark skipped)`);
} else {
  benchLargeStory();
  benchManyStories();
  benchSingletons();
}
