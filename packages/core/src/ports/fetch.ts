/**
 * The fetch port: anything shaped like WHATWG `fetch`. Defaults to `globalThis.fetch`, resolved
 * at call time; tests pass a fake or point at a real local server.
 */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;
