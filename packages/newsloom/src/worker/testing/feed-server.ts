// A local feed server for the worker tests and benchmark: many hosts (127.0.0.2, .3, … on one
// port, loopback only), each serving feeds of fixture articles, with a configurable latency and
// a log of every request per host (start and end times) to check politeness.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type FixtureItem, rssOf } from './fixture-feeds';

/** Options of {@link startFeedServer}. */
export interface FeedServerOptions {
  hosts: number;
  feedsPerHost: number;
  items: readonly FixtureItem[];
  /** Added before every response. */
  latencyMs: number;
  /** The server closes itself after this (a test never leaves it running). Default: 10 min. */
  lifetimeMs?: number;
}

/** One request as the server saw it (performance.now() times, ms). */
export interface RequestLog {
  path: string;
  start: number;
  end: number;
}

/** Where articles link to: never fetched, only their identity. */
const ARTICLE_ORIGIN = 'https://news.fixture.test';

/**
 * Starts the hosts; every article is in two feeds (so the store must deduplicate it).
 * @example const server = await startFeedServer({ hosts: 10, feedsPerHost: 5, items, latencyMs: 20 })
 */
export async function startFeedServer(options: FeedServerOptions) {
  const feedCount = options.hosts * options.feedsPerHost;
  const feeds: FixtureItem[][] = Array.from({ length: feedCount }, () => []);
  options.items.forEach((item, n) => {
    feeds[n % feedCount]?.push(item);
    const second = (n * 7 + 3) % feedCount;
    if (second !== n % feedCount) feeds[second]?.push(item);
  });
  // Rendered once: the server's own CPU per request stays small beside the workers'.
  const bodies = feeds.map((items, f) =>
    Buffer.from(rssOf(`Fixture feed ${f}`, ARTICLE_ORIGIN, items)),
  );
  const logs = new Map<string, RequestLog[]>();
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const host = request.socket.localAddress?.replace(/^::ffff:/, '') ?? '?';
    const entry = { path: request.url ?? '', start: performance.now(), end: Number.NaN };
    const log = logs.get(host);
    if (log === undefined) logs.set(host, [entry]);
    else log.push(entry);
    response.on('close', () => {
      entry.end = performance.now();
    });
    const match = /^\/feeds\/(\d+)\.xml$/.exec(request.url ?? '');
    const body = match ? bodies[Number(match[1])] : undefined;
    setTimeout(() => {
      if (body === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    }, options.latencyMs);
  };
  const servers: Server[] = [];
  let port = 0;
  for (let h = 0; h < options.hosts; h += 1) {
    const server = createServer(handler);
    port = await listen(server, `127.0.0.${h + 2}`, port);
    servers.push(server);
  }
  const close = () =>
    Promise.all(servers.map((s) => new Promise((done) => s.close(done)))).then(() => undefined);
  setTimeout(close, options.lifetimeMs ?? 600_000).unref();
  const feedUrls = feeds.map((_, f) => {
    const host = `127.0.0.${(f % options.hosts) + 2}`;
    return `http://${host}:${port}/feeds/${f}.xml`;
  });
  return { port, feedUrls, logs, close };
}

/** A running feed server. */
export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Politeness violations in the logs: two requests to one host overlapping in time, or one
 * starting less than `intervalMs` after the previous one ended.
 * @example expect(politenessViolations(server.logs, 100)).toEqual([])
 */
export function politenessViolations(
  logs: ReadonlyMap<string, readonly RequestLog[]>,
  intervalMs: number,
): string[] {
  const problems: string[] = [];
  for (const [host, entries] of logs) {
    const sorted = [...entries].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) {
      const [before, after] = [sorted[i - 1], sorted[i]];
      if (before === undefined || after === undefined) continue;
      const gap = after.start - before.end;
      if (gap < intervalMs) {
        problems.push(`${host}: ${after.path} started ${gap.toFixed(1)} ms after ${before.path}`);
      }
    }
  }
  return problems;
}
