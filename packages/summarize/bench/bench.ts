// Speed of summarizeStory on real data: a 50-article full-text story (BBC 2005 articles of one
// category), and 1,000 three-article stories (NeuS dev). Usage: pnpm --filter @newsloom/summarize bench
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Article, parseArticle, type Story, StorySchema } from '@newsloom/core';
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

if (!existsSync(BBC) || !existsSync(NEUS)) {
  console.log(`dataset missing: ${existsSync(BBC) ? NEUS : BBC} (benchmark skipped)`);
} else {
  benchLargeStory();
  benchManyStories();
}
