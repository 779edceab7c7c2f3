import type { Fetch } from '@newsloom/core';

/** A canned response of {@link createFakeFetch}. */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A fake {@link Fetch} plus the requests it received. */
export interface FakeFetch {
  fetch: Fetch;
  requests: { url: string; headers: Record<string, string> }[];
}

/**
 * A fetch that answers from a table of URL → response (or a function), recording requests.
 * Unknown URLs get 404. For real HTTP behaviour, tests use a node:http server on 127.0.0.1.
 */
export function createFakeFetch(
  routes: Record<string, FakeResponse | ((url: string, init?: RequestInit) => FakeResponse)>,
): FakeFetch {
  const requests: FakeFetch['requests'] = [];
  const fetch: Fetch = async (input, init) => {
    const url = String(input);
    requests.push({ url, headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    const route = routes[url];
    const answer =
      typeof route === 'function'
        ? route(url, init)
        : (route ?? { status: 404, body: 'not found' });
    return new Response(answer.body ?? null, {
      status: answer.status ?? 200,
      headers: answer.headers ?? {},
    });
  };
  return { fetch, requests };
}
