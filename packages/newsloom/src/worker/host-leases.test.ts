import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { migratePostgresStore, splitPostgresUrl } from '@newsloom/store-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createHostLeases, parseRetryAfterMs, politeFetch } from './host-leases';
import { testUrl } from './testing/deployment';
import { politenessViolations } from './testing/feed-server';

describe('politeness helpers', () => {
  it('reads Retry-After as seconds or an HTTP date, capped, 0 when absent or bad', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfterMs('999999999', now)).toBe(86_400_000);
    expect(parseRetryAfterMs('soon', now)).toBe(0);
    expect(parseRetryAfterMs(null, now)).toBe(0);
  });

  it('finds overlapping requests and requests closer than the interval in server logs', () => {
    const logs = new Map([
      [
        'h1',
        [
          { path: '/a', start: 0, end: 10 },
          { path: '/b', start: 5, end: 20 },
        ],
      ],
      [
        'h2',
        [
          { path: '/c', start: 0, end: 10 },
          { path: '/d', start: 60, end: 70 },
        ],
      ],
      [
        'h3',
        [
          { path: '/e', start: 0, end: 10 },
          { path: '/f', start: 200, end: 210 },
        ],
      ],
    ]);
    expect(politenessViolations(logs, 100)).toEqual([
      'h1: /b started -5.0 ms after /a',
      'h2: /d started 50.0 ms after /c',
    ]);
  });
});

const schema = `l_${Date.now().toString(36)}`;
afterAll(async () => {
  if (testUrl === undefined) return;
  const client = new pg.Client({ connectionString: testUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe.skipIf(testUrl === undefined)('cluster-wide host leases', () => {
  it('keeps a host closed for every worker after a 429 with Retry-After', async () => {
    await migratePostgresStore({ url: testUrl ?? '', schema });
    const { connectionString } = splitPostgresUrl(testUrl ?? '');
    const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}` });
    const starts: number[] = [];
    const server = createServer((_request, response) => {
      starts.push(performance.now());
      if (starts.length === 1) response.writeHead(429, { 'retry-after': '1' }).end();
      else response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
    const options = { hostIntervalMs: 50, leaseMs: 5000 };
    const [a, b] = ['worker-a', 'worker-b'].map((id) => createHostLeases(pool, id, options));
    const fetchA = politeFetch(globalThis.fetch, a as NonNullable<typeof a>, options);
    const fetchB = politeFetch(globalThis.fetch, b as NonNullable<typeof b>, options);
    try {
      expect((await fetchA(target)).status).toBe(429);
      expect(await (await fetchB(target)).text()).toBe('ok');
      const [first = 0, second = 0] = starts;
      expect(second - first).toBeGreaterThanOrEqual(1000);
    } finally {
      server.close();
      await pool.end();
    }
  });
});
