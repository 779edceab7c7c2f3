// A digest of the 61 real feeds beside the repository (../shared/data/feeds/real), served on
// 127.0.0.1 as a reader would subscribe to them, with an OPML that marks the non-news feeds
// (podcasts, classifieds, blogs, code hosting). Skipped when the data is not there.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Edition } from '@newsloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDigest } from '../src/digest/write-digest';
import { createPipeline } from '../src/pipeline/create-pipeline';
import { tempDir } from './cli-helpers';

const REAL = resolve(fileURLToPath(import.meta.url), '../../../../../shared/data/feeds/real');
const present = existsSync(REAL);
// Without ../shared/data/feeds/real the block counts as skipped.

/** The feeds of news outlets; every other feed is marked non-news in the OPML. */
const NEWS = new Set([
  'fe-atom-feed-standard-realworld.xml',
  'fe-rss-feed-standard-realworld.xml',
  'fe-rdf-standard.xml',
  'nf-tpm.atom',
  'rp-encoding.rss',
  'rp-guardian.rss',
  'rp-heise.atom',
  'rp-uolNoticias.rss',
  'rm-BBC-News-World.xml',
  'rm-BuzzFeed-Latest.xml',
  'rm-Engadget.xml',
  'rm-HuffPost-Breaking-News-U-S-and-World-News.xml',
  'rm-MacRumors-All-Stories.xml',
  'rm-NYT-Top-Stories.xml',
  'rm-Nasa-Breaking-News.xml',
  'rm-Sky-News.xml',
  'rm-The-Financial-Times-UK-homepage.xml',
  'rm-The-Guardian.xml',
  'rm-The-Next-Web.xml',
  'rm-The-Telegraph.xml',
  'rm-The-Verge-Front-Pages.xml',
]);

function opml(base: string, files: readonly string[]): string {
  const outline = (file: string) => {
    const category = NEWS.has(file) ? '' : ' category="non-news"';
    return `<outline type="rss" text="${file}" xmlUrl="${base}/${file}"${category}/>`;
  };
  const news = files.filter((f) => NEWS.has(f)).map(outline);
  const other = files.filter((f) => !NEWS.has(f)).map(outline);
  return `<?xml version="1.0"?><opml version="2.0"><head><title>real feeds</title></head><body>
<outline text="News">${news.join('\n')}</outline>
<outline text="Other">${other.join('\n')}</outline>
</body></opml>`;
}

describe.skipIf(!present)('a digest of 61 real feeds served on 127.0.0.1', () => {
  let server: Server;
  let edition: Edition;
  let all: Edition;
  let newsFeedIds: Set<string>;
  const work = tempDir('newsloom-real-');

  beforeAll(async () => {
    const files = readdirSync(REAL).sort();
    server = createServer((request, response) => {
      const name = decodeURIComponent((request.url ?? '/').slice(1));
      if (!files.includes(name)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(readFileSync(join(REAL, name)));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(join(work, 'feeds.opml'), opml(base, files));
    const pipeline = createPipeline({
      databasePath: join(work, 'real.db'),
      feeds: { allowPrivateNetwork: true },
      title: 'Real feeds',
    });
    try {
      await pipeline.ingestOpml(join(work, 'feeds.opml'));
      await pipeline.cluster();
      await pipeline.summarize();
      edition = await pipeline.edition();
      all = await pipeline.edition({ all: true });
    } finally {
      await pipeline.close();
    }
    newsFeedIds = new Set(
      all.feeds.filter((f) => NEWS.has(f.url.split('/').pop() ?? '')).map((f) => f.id),
    );
  }, 180_000);

  afterAll(() => new Promise<void>((done) => server?.close(() => done())));

  const isNewsStory = (e: Edition, storyId: string) => {
    const story = e.stories.find((s) => s.id === storyId)!;
    const byId = new Map(e.articles.map((a) => [a.id, a]));
    return story.articleIds.some((id) => newsFeedIds.has(byId.get(id)?.feedId ?? ''));
  };

  it('has no non-news item among Minority Reports or exclusives, in the window or over everything', () => {
    for (const e of [edition, all]) {
      for (const report of e.coverage.minorityReports)
        expect(isNewsStory(e, report.storyId), report.storyId).toBe(true);
      for (const entry of e.coverage.uniqueByOutlet)
        for (const id of entry.exclusiveStoryIds) expect(isNewsStory(e, id), id).toBe(true);
    }
    expect(all.coverage.uniqueByOutlet.some((u) => u.exclusiveStoryIds.length > 0)).toBe(true);
  });

  it('never ranks a one-article, one-outlet item first over stories several outlets carry', () => {
    const first = all.stories.find((s) => s.id === all.coverage.topHeadlines[0]?.storyId)!;
    const outlets = new Set(
      first.articleIds.map((id) => all.articles.find((a) => a.id === id)?.outletId),
    );
    console.info(
      `real feeds, Top Headline #1 over everything: ${first.articleIds.length} articles, ${outlets.size} outlets`,
    );
    expect(outlets.size).toBeGreaterThan(1);
  });

  it('shows the window of the newest articles, not every item ever published', () => {
    expect(edition.stories.length).toBeGreaterThan(0);
    expect(edition.stories.length).toBeLessThan(all.stories.length);
    for (const story of edition.stories)
      expect(story.updatedAt >= edition.window!.since!).toBe(true);
  });

  it('writes a front page of reasonable size', async () => {
    const site = join(work, 'site');
    const result = await writeDigest(edition, site);
    const size = statSync(join(site, 'index.html')).size;
    console.info(
      `real feeds: ${all.stories.length} stories in all, ${edition.stories.length} in the 48 h window; index.html ${size} bytes; ${result.files} files`,
    );
    expect(size).toBeLessThan(150 * 1024);
  });
});
