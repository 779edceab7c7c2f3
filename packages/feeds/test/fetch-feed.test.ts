import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { type Clock, type FeedInput, feedIdFromUrl, type OutletId } from '@newsloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoller, type FetchFeedOptions, fetchFeed } from '../src/index';
import { type LocalServer, startLocalServer } from './helpers';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>/</link>' +
  '<item><title>One</title><link>/one</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>';
const HTML =
  '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Hi</body></html>';

const hits = new Map<string, number>();
const seen: { path: string; headers: IncomingMessage['headers'] }[] = [];
let server: LocalServer;
let base = '';

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  hits.set(path, (hits.get(path) ?? 0) + 1);
  seen.push({ path, headers: req.headers });
  const xml = { 'content-type': 'application/rss+xml; charset=utf-8' };
  const chain = /^\/chain\/(\d+)$/.exec(path);
  if (chain) {
    const n = Number(chain[1]);
    return void (n === 0
      ? res.writeHead(200, xml).end(RSS)
      : res.writeHead(302, { location: `/chain/${n - 1}` }).end());
  }
  switch (path) {
    case '/feed':
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      return void res
        .writeHead(200, {
          ...xml,
          etag: '"v1"',
          'last-modified': 'Mon, 01 Jan 2024 10:00:00 GMT',
          'cache-control': 'max-age=600',
        })
        .end(RSS);
    case '/gzip':
      return void res.writeHead(200, { ...xml, 'content-encoding': 'gzip' }).end(gzipSync(RSS));
    case '/deflate':
      return void res
        .writeHead(200, { ...xml, 'content-encoding': 'deflate' })
        .end(deflateSync(RSS));
    case '/br':
      return void res
        .writeHead(200, { ...xml, 'content-encoding': 'br' })
        .end(brotliCompressSync(RSS));
    case '/old':
      return void res.writeHead(301, { location: '/feed' }).end();
    case '/temp':
      return void res.writeHead(302, { location: '/feed' }).end();
    case '/loop-a':
      return void res.writeHead(302, { location: '/loop-b' }).end();
    case '/loop-b':
      return void res.writeHead(302, { location: '/loop-a' }).end();
    case '/429':
      if (hits.get(path) === 1) return void res.writeHead(429, { 'retry-after': '2' }).end();
      return void res.writeHead(200, xml).end(RSS);
    case '/429-long':
      return void res.writeHead(429, { 'retry-after': '3600' }).end();
    case '/503':
      return void res.writeHead(503).end('down');
    case '/stall':
      res.writeHead(200, xml);
      return void res.write('<rss><channel><title>never ends');
    case '/no-headers':
      return;
    case '/big':
      return void res
        .writeHead(200, xml)
        .end(`<rss><channel>${'<item><title>x</title></item>'.repeat(20_000)}</channel></rss>`);
    case '/bomb':
      return void res
        .writeHead(200, { ...xml, 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    case '/reset':
      return void req.socket.destroy();
    case '/html':
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    case '/text':
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(RSS);
    default:
      res.writeHead(404).end('not found');
  }
}

beforeAll(async () => {
  server = await startLocalServer(route);
  base = server.base;
});

afterAll(async () => {
  await server.close();
});

const sleeps: number[] = [];
const clock: Clock = {
  now: () => Date.parse('2024-01-02T00:00:00Z'),
  sleep: async (ms) => void sleeps.push(ms),
};
const local: FetchFeedOptions = {
  allowPrivateNetwork: true,
  clock,
  retryBaseMs: 10,
  random: () => 0.5,
  timeoutMs: 5000,
};
const feedAt = (path: string, extra: Partial<FeedInput> = {}): FeedInput => ({
  id: feedIdFromUrl(`${base}${path}`),
  url: `${base}${path}`,
  outletId: 'local' as OutletId,
  ...extra,
});

describe('fetchFeed against a real HTTP server', () => {
  it('fetches, parses and maps a feed, sending a descriptive User-Agent', async () => {
    const result = await fetchFeed(feedAt('/feed'), local);
    expect(result.status).toBe('ok');
    expect(result.articles.map((a) => a.url)).toEqual([`${base}/one`]);
    expect(result.feed).toMatchObject({
      etag: '"v1"',
      lastModified: 'Mon, 01 Jan 2024 10:00:00 GMT',
      lastStatus: 200,
      consecutiveFailures: 0,
      lastItemCount: 1,
    });
    expect(result.feed.lastFetchedAt).toBe('2024-01-02T00:00:00.000Z');
    expect(result.cache.maxAgeSeconds).toBe(600);
    expect(seen.find((s) => s.path === '/feed')?.headers['user-agent']).toMatch(
      /^newsloom-feeds\//,
    );
  });

  it('sends conditional headers and reports 304 as not-modified', async () => {
    const first = await fetchFeed(feedAt('/feed'), local);
    const second = await fetchFeed(first.feed, local);
    expect(second.status).toBe('not-modified');
    expect(second.articles).toEqual([]);
    expect(seen.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(seen.at(-1)?.headers['if-modified-since']).toBe('Mon, 01 Jan 2024 10:00:00 GMT');
  });

  it.each(['/gzip', '/deflate', '/br'])('decompresses %s', async (path) => {
    const result = await fetchFeed(feedAt(path), local);
    expect(result.status).toBe('ok');
    expect(result.parsed?.feed.title).toBe('Local');
  });

  it('follows redirects and reports permanent ones', async () => {
    const moved = await fetchFeed(feedAt('/old'), local);
    expect(moved.status).toBe('ok');
    expect(moved.permanentRedirect).toBe(`${base}/feed`);
    const temporary = await fetchFeed(feedAt('/temp'), local);
    expect(temporary.status).toBe('ok');
    expect(temporary.permanentRedirect).toBeUndefined();
    expect(temporary.finalUrl).toBe(`${base}/feed`);
  });

  it('detects redirect loops and stops after 5 redirects', async () => {
    const loop = await fetchFeed(feedAt('/loop-a'), local);
    expect(loop.status).toBe('error');
    expect(loop.error?.message).toMatch(/Redirect loop/);
    expect((await fetchFeed(feedAt('/chain/5'), local)).status).toBe('ok');
    const tooMany = await fetchFeed(feedAt('/chain/6'), local);
    expect(tooMany.error?.message).toMatch(/Too many redirects/);
  });

  it('waits as Retry-After says on 429, then succeeds', async () => {
    sleeps.length = 0;
    const result = await fetchFeed(feedAt('/429'), local);
    expect(result.status).toBe('ok');
    expect(sleeps).toEqual([2000]);
    expect(hits.get('/429')).toBe(2);
  });

  it('gives up at once on a Retry-After longer than it will wait, reporting it', async () => {
    const result = await fetchFeed(feedAt('/429-long'), local);
    expect(result.status).toBe('error');
    expect(result.httpStatus).toBe(429);
    expect(result.cache.retryAfterMs).toBe(3_600_000);
    expect(hits.get('/429-long')).toBe(1);
  });

  it('retries 5xx with exponential back-off, then fails with the feed state updated', async () => {
    sleeps.length = 0;
    const result = await fetchFeed(feedAt('/503', { consecutiveFailures: 2 }), {
      ...local,
      retries: 2,
    });
    expect(result.status).toBe('error');
    expect(hits.get('/503')).toBe(3);
    expect(sleeps).toEqual([8, 15]); // 10 ms and 20 ms, scaled by the jitter factor 0.75
    expect(result.feed).toMatchObject({ lastStatus: 503, consecutiveFailures: 3 });
    expect(result.feed.lastError).toMatch(/HTTP 503/);
  });

  it('times out a stalled body and a server that never answers', async () => {
    const stalled = await fetchFeed(feedAt('/stall'), { ...local, timeoutMs: 300 });
    expect(stalled.error?.code).toBe('TIMEOUT');
    const silent = await fetchFeed(feedAt('/no-headers'), { ...local, connectTimeoutMs: 200 });
    expect(silent.error?.code).toBe('TIMEOUT');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await fetchFeed(feedAt('/stall'), { ...local, signal: controller.signal });
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('ABORTED');
  });

  it('refuses an oversized body and a gzip bomb', async () => {
    const big = await fetchFeed(feedAt('/big'), { ...local, maxBytes: 100_000 });
    expect(big.error?.code).toBe('INPUT_TOO_LARGE');
    const bomb = await fetchFeed(feedAt('/bomb'), { ...local, maxBytes: 1_000_000 });
    expect(bomb.error?.code).toBe('INPUT_TOO_LARGE');
  });

  it('retries a reset connection, then reports a network failure', async () => {
    const result = await fetchFeed(feedAt('/reset'), { ...local, retries: 1 });
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('FETCH_FAILED');
    expect(hits.get('/reset')).toBe(2);
  });

  it('handles a wrong content type: parses feeds by content, reports HTML pages with their feeds', async () => {
    const text = await fetchFeed(feedAt('/text'), local);
    expect(text.status).toBe('ok');
    expect(text.diagnostics.map((d) => d.code)).toContain('UNEXPECTED_CONTENT_TYPE');
    const html = await fetchFeed(feedAt('/html'), local);
    expect(html.status).toBe('error');
    expect(html.error?.code).toBe('NOT_A_FEED');
    expect(html.error?.details?.discovered).toEqual([
      { url: `${base}/atom.xml`, type: 'application/atom+xml' },
    ]);
  });
});

describe('createPoller with the real fetchFeed', () => {
  it('polls, emits articles with the outlet name, and stops on abort', async () => {
    const controller = new AbortController();
    const names: (string | undefined)[] = [];
    const poller = createPoller({
      feeds: [feedAt('/feed')],
      outlets: [{ id: 'local' as OutletId, name: 'Local News' }],
      fetchOptions: { allowPrivateNetwork: true },
      onArticles: (articles) => void names.push(...articles.map((a) => a.outletName)),
      onStatus: () => controller.abort(),
    });
    await poller.run(controller.signal);
    expect(names).toEqual(['Local News']);
    expect(poller.feeds()[0]).toMatchObject({ etag: '"v1"', lastStatus: 200 });
    expect(Date.parse(poller.feeds()[0]?.nextFetchAt ?? '') - Date.now()).toBeGreaterThan(
      5 * 60_000,
    );
  });
});

describe('fetchFeed SSRF guard', () => {
  it('refuses loopback by default', async () => {
    const result = await fetchFeed(feedAt('/feed'), { clock });
    expect(result.error?.code).toBe('BLOCKED_ADDRESS');
  });

  it('refuses a public host that resolves to, or redirects to, a private or metadata address', async () => {
    const requested: string[] = [];
    const fetch = async (input: string | URL) => {
      requested.push(String(input));
      return new Response(null, {
        status: 302,
        headers: { location: 'http://169.254.169.254/latest/meta-data/' },
      });
    };
    const resolveHost = async (host: string) =>
      host === 'inside.example' ? ['10.0.0.7'] : ['93.184.216.34'];
    const inside = await fetchFeed(
      { id: 'f-1', url: 'http://inside.example/feed', outletId: 'x' },
      { fetch, resolveHost, clock },
    );
    expect(inside.error?.code).toBe('BLOCKED_ADDRESS');
    const redirected = await fetchFeed(
      { id: 'f-2', url: 'http://public.example/feed', outletId: 'x' },
      { fetch, resolveHost, clock },
    );
    expect(redirected.error?.code).toBe('BLOCKED_ADDRESS');
    expect(requested).toEqual(['http://public.example/feed']);
  });

  it('refuses other schemes, and file: unless allowed', async () => {
    expect(
      (await fetchFeed({ id: 'f-3', url: 'ftp://example.com/feed', outletId: 'x' }, { clock }))
        .error?.code,
    ).toBe('BLOCKED_ADDRESS');
    const fileUrl = pathToFileURL(new URL('./fixtures/rss20.xml', import.meta.url).pathname).href;
    expect(
      (await fetchFeed({ id: 'f-4', url: fileUrl, outletId: 'x' }, { clock })).error?.code,
    ).toBe('BLOCKED_ADDRESS');
    const allowed = await fetchFeed(
      { id: 'f-4', url: fileUrl, outletId: 'x' },
      { clock, allowFileUrls: true },
    );
    expect(allowed.status).toBe('ok');
    expect(allowed.parsed?.items).toHaveLength(4);
    const again = await fetchFeed(allowed.feed, { clock, allowFileUrls: true });
    expect(again.status).toBe('not-modified');
  });
});
