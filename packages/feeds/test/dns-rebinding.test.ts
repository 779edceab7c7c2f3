import dc from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../src/index';
import { type LocalServer, startLocalServer } from './helpers';

// A resolver that answers a public address first and a loopback address after: a host that
// rebinds between the SSRF guard's check and the connection. The connection must go to the
// address that was checked; the local server (the loopback target) must never be reached.
function rebindingResolver(answers: Record<string, string>) {
  const calls: string[] = [];
  const resolveHost = async (host: string) => {
    const first = !calls.includes(host);
    calls.push(host);
    return [first ? (answers[host] ?? '203.0.113.1') : '127.0.0.1'];
  };
  return { calls, resolveHost };
}

let server: LocalServer;
let port = 0;
let hits = 0;
const lookups: { host: string; address: string }[] = [];
// Every socket Node opens reports the address its host name was looked up to.
const onSocket = (message: unknown) => {
  const { socket } = message as { socket: Socket };
  socket.on('lookup', (error: Error | null, address: string, _family: unknown, host: string) => {
    if (!error) lookups.push({ host, address });
  });
};

beforeAll(async () => {
  dc.subscribe('net.client.socket', onSocket);
  server = await startLocalServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel/></rss>');
  });
  port = server.port;
});

afterAll(async () => {
  dc.unsubscribe('net.client.socket', onSocket);
  await server.close();
});

const quick = { retries: 0, connectTimeoutMs: 2000, timeoutMs: 3000 };

describe('fetchFeed against DNS rebinding', () => {
  it('connects to the address it checked, not to a second answer', async () => {
    const { calls, resolveHost } = rebindingResolver({ 'rebind.test': '203.0.113.10' });
    const url = `http://rebind.test:${port}/feed`;
    const result = await fetchFeed({ id: 'f-r', url, outletId: 'x' }, { ...quick, resolveHost });
    expect(calls).toEqual(['rebind.test']);
    expect(lookups.filter((l) => l.host === 'rebind.test')).toEqual([
      { host: 'rebind.test', address: '203.0.113.10' },
    ]);
    expect(hits).toBe(0);
    expect(result.status).toBe('error');
  });

  it('pins every redirect hop to the address checked for it', async () => {
    const { calls, resolveHost } = rebindingResolver({
      'first.test': '203.0.113.11',
      'second.test': '203.0.113.12',
    });
    const dispatchers: unknown[] = [];
    // The first hop answers a redirect itself; the second goes out through Node's fetch with the
    // dispatcher fetchFeed hands to the port.
    const fetch = async (input: string | URL, init?: RequestInit) => {
      dispatchers.push((init as { dispatcher?: unknown } | undefined)?.dispatcher);
      if (String(input).includes('first.test'))
        return new Response(null, {
          status: 302,
          headers: { location: `http://second.test:${port}/feed` },
        });
      return globalThis.fetch(input, init);
    };
    const result = await fetchFeed(
      { id: 'f-h', url: `http://first.test:${port}/feed`, outletId: 'x' },
      { ...quick, resolveHost, fetch },
    );
    expect(calls).toEqual(['first.test', 'second.test']);
    expect(dispatchers).toHaveLength(2);
    expect(dispatchers.every((d) => d !== undefined)).toBe(true);
    expect(lookups.filter((l) => l.host === 'second.test')).toEqual([
      { host: 'second.test', address: '203.0.113.12' },
    ]);
    expect(hits).toBe(0);
    expect(result.status).toBe('error');
  });
});
