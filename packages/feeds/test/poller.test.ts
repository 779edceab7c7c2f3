import { type Article, parseArticle } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { createPoller, type FeedPollStatus, nextPollDelay, type ParsedFeed } from '../src/index';
import { newFeed } from '../src/parse/new-records';
import { fakeClock, feed, hostLoadRecorder, okResult, ticks } from './helpers';

const article = (url: string, title = 'T'): Article =>
  parseArticle({ url, title, publishedAt: '2024-01-01T00:00:00Z' });

describe('nextPollDelay', () => {
  const f = feed('https://a.example/rss');
  const min = 60_000;

  it('follows ttl, max-age and Expires, whichever is longest', () => {
    const parsed: ParsedFeed = {
      version: 'rss20',
      encoding: 'utf-8',
      wellFormed: true,
      diagnostics: [],
      items: [],
      feed: { ...newFeed(), ttl: 90 },
    };
    expect(nextPollDelay(okResult(f, { parsed }), { unchanged: 0 })).toBe(90 * 60_000);
    expect(nextPollDelay(okResult(f, { cache: { maxAgeSeconds: 7200 } }), { unchanged: 0 })).toBe(
      7_200_000,
    );
    expect(
      nextPollDelay(okResult(f, { cache: { expires: '2024-01-01T03:00:00.000Z' } }), {
        unchanged: 0,
      }),
    ).toBe(3 * 3_600_000);
  });

  it('backs off unchanged feeds, and failing ones longer', () => {
    expect(nextPollDelay(okResult(f), { unchanged: 0 }, { defaultIntervalMs: 10 * min })).toBe(
      10 * min,
    );
    expect(nextPollDelay(okResult(f), { unchanged: 2 }, { defaultIntervalMs: 10 * min })).toBe(
      22.5 * min,
    );
    const failing = okResult({ ...f, consecutiveFailures: 3 }, { status: 'error' });
    expect(nextPollDelay(failing, { unchanged: 0 }, { defaultIntervalMs: 10 * min })).toBe(
      40 * min,
    );
  });

  it('honours Retry-After and clamps to the bounds', () => {
    expect(
      nextPollDelay(okResult(f, { status: 'error', cache: { retryAfterMs: 2 * 3_600_000 } }), {
        unchanged: 0,
      }),
    ).toBe(2 * 3_600_000);
    expect(nextPollDelay(okResult(f, { cache: { maxAgeSeconds: 1 } }), { unchanged: 0 })).toBe(
      5 * min,
    );
    expect(
      nextPollDelay(okResult(f, { cache: { maxAgeSeconds: 10 ** 7 } }), { unchanged: 0 }),
    ).toBe(24 * 60 * min);
  });
});

describe('createPoller', () => {
  it('respects global and per-host concurrency and the per-host interval, and stops on abort', async () => {
    const clock = fakeClock();
    const feeds = [
      'https://a.example/1',
      'https://a.example/2',
      'https://b.example/1',
      'https://c.example/1',
      'https://d.example/1',
    ].map(feed);
    const load = hostLoadRecorder(clock);
    const controller = new AbortController();
    let polls = 0;
    const poller = createPoller({
      feeds,
      clock,
      concurrency: 2,
      perHostConcurrency: 1,
      minHostIntervalMs: 30_000,
      fetchFeed: (f) =>
        load.during(f.url, async () => {
          await ticks(3);
          return okResult(f);
        }),
      onStatus: () => {
        polls += 1;
        if (polls >= 12) controller.abort();
      },
    });
    await poller.run(controller.signal);
    expect(load.peak.total).toBeLessThanOrEqual(2);
    expect(load.peak.perHost).toBe(1);
    const aStarts = load.startsOf('a.example');
    for (let i = 1; i < aStarts.length; i++)
      expect((aStarts[i] ?? 0) - (aStarts[i - 1] ?? 0)).toBeGreaterThanOrEqual(30_000);
    expect(poller.feeds().every((f) => f.nextFetchAt !== undefined)).toBe(true);
  });

  it('emits only new or changed articles, follows permanent redirects and reports status', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const emitted: string[][] = [];
    const statuses: FeedPollStatus[] = [];
    let round = 0;
    const poller = createPoller({
      feeds: [feed('https://news.example/rss')],
      clock,
      defaultIntervalMs: 10 * 60_000,
      fetchFeed: async (f) => {
        round += 1;
        const articles =
          round === 1
            ? [article('https://news.example/a'), article('https://news.example/b')]
            : [
                article('https://news.example/a'),
                article('https://news.example/b', 'Changed'),
                article('https://news.example/c'),
              ];
        return okResult(f, {
          articles,
          ...(round === 1 ? { permanentRedirect: 'https://news.example/feed.xml' } : {}),
        });
      },
      onArticles: (articles) => void emitted.push(articles.map((a) => `${a.url} ${a.title}`)),
      onStatus: (status) => {
        statuses.push(status);
        if (statuses.length === 3) controller.abort();
      },
    });
    await poller.run(controller.signal);
    expect(emitted).toEqual([
      ['https://news.example/a T', 'https://news.example/b T'],
      ['https://news.example/b Changed', 'https://news.example/c T'],
    ]);
    expect(statuses.map((s) => s.newArticleCount)).toEqual([2, 2, 0]);
    expect(poller.feeds()[0]?.url).toBe('https://news.example/feed.xml');
    expect(statuses[0]?.nextFetchAt).toBe('2024-01-01T00:10:00.000Z');
  });
});
