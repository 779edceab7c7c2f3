import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeFetch, type FakeResponse } from '@newsloom/testing';
import { expect, it } from 'vitest';
import { LIVE_OPML, liveDigest } from '../src/main';

const urls = [...readFileSync(LIVE_OPML, 'utf8').matchAll(/xmlUrl="([^"]+)"/g)].map(
  (m) => m[1] ?? '',
);

function rss(url: string): FakeResponse {
  const host = new URL(url).hostname;
  const item = `<item><title>Ceasefire talks resume in Geneva</title><link>https://${host}/ceasefire</link><pubDate>Mon, 01 Dec 2025 09:00:00 GMT</pubDate><description>Negotiators met in Geneva on Monday to resume ceasefire talks.</description></item>`;
  return {
    status: 200,
    headers: { 'content-type': 'application/rss+xml' },
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${host}</title>${item}</channel></rss>`,
  };
}

it('lists real outlets over https only', () => {
  expect(urls.length).toBeGreaterThanOrEqual(10);
  expect(urls.every((url) => url.startsWith('https://'))).toBe(true);
});

it('fetches every feed once and builds a digest (network answered by a fake fetch)', async () => {
  const fake = createFakeFetch(Object.fromEntries(urls.map((url) => [url, rss(url)])));
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-live-'));
  const { ingest, edition } = await liveDigest({
    databasePath: join(dir, 'live.db'),
    outDir: join(dir, 'out'),
    fetch: fake.fetch,
    // The SSRF guard resolves each host before fetching; answer with a public address, offline.
    feeds: { resolveHost: async () => ['151.101.1.1'], retries: 0 },
  });
  expect(new Set(fake.requests.map((r) => r.url))).toEqual(new Set(urls));
  expect(ingest.failedFeeds).toBe(0);
  expect(edition.stories.some((story) => story.articleIds.length === urls.length)).toBe(true);
});
