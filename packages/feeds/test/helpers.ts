// Shared by the fetch, fetchFeeds, poller and DNS-rebinding tests: a fake clock, feeds, fetch
// results, and a real HTTP server on the loopback interface.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, type Feed, FeedSchema, feedIdFromUrl } from '@newsloom/core';
import type { FetchFeedResult } from '../src/index';

/** A clock whose sleeps return at once and move its time on; `sleeps` lists them. */
export function fakeClock(
  start = Date.parse('2024-01-01T00:00:00Z'),
): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

/** A valid Feed for `url`, of outlet `o`. */
export const feed = (url: string): Feed =>
  FeedSchema.parse({ id: feedIdFromUrl(url), url, outletId: 'o' });

/** A successful fetch of `f` with no articles, changed by `over`. */
export function okResult(f: Feed, over: Partial<FetchFeedResult> = {}): FetchFeedResult {
  return {
    status: 'ok',
    feed: f,
    articles: [],
    diagnostics: [],
    finalUrl: f.url,
    fetchedAt: '2024-01-01T00:00:00.000Z',
    cache: {},
    ...over,
  };
}

/** An HTTP server listening on 127.0.0.1 at a free port. */
export interface LocalServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Closes the server and the connections kept alive to it. */
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 at a free port. */
export async function startLocalServer(handler: RequestListener): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Lets other promises run: `n` turns of the event loop. */
export async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wraps fake fetches to record how many ran at once (in all and per host) and when each host's
 * fetches started, so politeness tests assert on what really overlapped.
 */
export function hostLoadRecorder(clock: Clock) {
  const running = new Map<string, number>();
  const starts: { host: string; at: number }[] = [];
  const peak = { total: 0, perHost: 0 };
  let total = 0;
  return {
    peak,
    /** Start times of `host`'s fetches, in order. */
    startsOf: (host: string) => starts.filter((s) => s.host === host).map((s) => s.at),
    /** Runs `work` as one fetch of `url`, counted while it runs (also when it throws). */
    async during<T>(url: string, work: () => Promise<T>): Promise<T> {
      const host = new URL(url).host;
      starts.push({ host, at: clock.now() });
      const onHost = (running.get(host) ?? 0) + 1;
      running.set(host, onHost);
      total += 1;
      peak.perHost = Math.max(peak.perHost, onHost);
      peak.total = Math.max(peak.total, total);
      try {
        return await work();
      } finally {
        running.set(host, (running.get(host) ?? 1) - 1);
        total -= 1;
      }
    },
  };
}
