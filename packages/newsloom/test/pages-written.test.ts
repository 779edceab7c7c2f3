// Target of issue 12: with a few new articles, a run writes at most the pages of the stories
// they touched plus the index pages (sections, feeds, edition files, archive list).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Article, OutletInput } from '@newsloom/core';
import { createMemoryStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { afterAll, expect, it } from 'vitest';
import { writeDigest } from '../src/digest/write-digest';
import { createPipeline } from '../src/pipeline/create-pipeline';
import { DEMO_DATA } from './demo-digest';

const work = mkdtempSync(join(tmpdir(), 'newsloom-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file of a site: path → bytes (as text). */
function files(root: string, dir = root, into = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(root, path, into);
    else into.set(relative(root, path), readFileSync(path, 'utf8'));
  }
  return into;
}

async function demoArticles() {
  const pipeline = createPipeline({ store: createMemoryStore(), allowFileUrls: true });
  const outlets = JSON.parse(readFileSync(join(DEMO_DATA, 'outlets.json'), 'utf8'));
  await pipeline.addOutlets(outlets as OutletInput[]);
  await pipeline.ingestOpml(join(DEMO_DATA, 'allsides-2021.opml'));
  const articles: Article[] = [];
  for await (const article of pipeline.store.queryArticles()) articles.push(article);
  const stored = {
    outlets: await pipeline.store.listOutlets(),
    feeds: await pipeline.store.listFeeds(),
  };
  await pipeline.close();
  return { articles, ...stored };
}

it('rewrites only the pages of the stories new articles touched, plus the index pages', async () => {
  const { articles, outlets, feeds } = await demoArticles();
  const store = createMemoryStore();
  await store.upsertOutlets(outlets);
  await store.upsertFeeds(feeds);
  const clock = createFixedClock('2021-08-14T06:00:00Z');
  const pipeline = createPipeline({ store, clock });
  const site = join(work, 'site');
  await store.upsertArticles(articles.slice(0, -20));
  await writeDigest((await pipeline.run({ fetch: false })).edition, site);
  const before = files(site);
  await store.upsertArticles(articles.slice(-20));
  const run = await pipeline.run({ fetch: false });
  const written = await writeDigest(run.edition, site);
  const after = files(site);
  const changed = [...after.keys()].filter((path) => before.get(path) !== after.get(path));
  const touched = new Set(run.cluster.touchedStoryIds);
  const isStoryPage = (path: string) => /(^|\/)stories\/[^/]+\.html$/.test(path);
  const storyPages = changed.filter(isStoryPage);
  expect(touched.size).toBeGreaterThan(0);
  expect(storyPages.length).toBeGreaterThan(0);
  // A story page (live or in today's archive) is rewritten only when its story was touched.
  for (const path of storyPages) {
    expect(touched).toContain(path.replace(/^.*stories\/(.+)\.html$/, '$1'));
  }
  // Everything else rewritten is an index page: sections, outlet pages, feeds, edition files,
  // archive lists (the previous day's page gains its "next" link).
  const indexPage =
    /^(archive\/\d{4}-\d{2}-\d{2}\/)?(outlets\/[^/]+\.html|[a-z-]+\.html|feed\.(xml|json)|edition\.(json|md))$|^archive\/index\.html$/;
  for (const path of changed.filter((p) => !isStoryPage(p))) expect(path).toMatch(indexPage);
  // Untouched stories' pages were left as they were, and the writer's count is the real one.
  const untouchedPages = [...after.keys()].filter(
    (path) => isStoryPage(path) && !touched.has(path.replace(/^.*stories\/(.+)\.html$/, '$1')),
  );
  expect(untouchedPages.length).toBeGreaterThan(0);
  expect(written.written).toBe(changed.length);
  await pipeline.close();
}, 120_000);
