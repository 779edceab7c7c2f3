import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEMO_DATA } from './demo-digest';

/** A real HTTP server on 127.0.0.1 serving feed files by path; `close()` stops it. */
export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the bundled demo feeds (`/reuters.xml`, …) and the extra bodies given, on 127.0.0.1.
 * Anything else is a 404.
 */
export async function startFeedServer(extra: Record<string, string> = {}): Promise<FeedServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const body = extra[path] ?? readDemoFeed(path);
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readDemoFeed(path: string): string | undefined {
  if (!/^\/[a-z0-9-]+\.xml$/.test(path)) return undefined;
  try {
    return readFileSync(join(DEMO_DATA, 'feeds', path.slice(1)), 'utf8');
  } catch {
    return undefined;
  }
}
