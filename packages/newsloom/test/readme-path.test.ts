// The newcomer's path, with the commands exactly as the root README prints them: the PATH line
// run at the repository's root, then `newsloom init`, `newsloom ingest` of feeds on this machine
// with the documented flag, and `newsloom digest` — through the committed bin, as a shell runs it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from './cli-helpers';
import { DEMO_DATA } from './demo-digest';
import { type FeedServer, startFeedServer } from './feed-server';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The URL the README prints for a feed on this machine; the test's server stands in for it. */
const PRINTED_FEED = 'http://127.0.0.1:8080/feed.xml';

/** The README's shell lines: inside ```sh blocks, comments stripped. */
function readmeCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/feed.xml': readFileSync(join(DEMO_DATA, 'feeds', 'reuters.xml'), 'utf8'),
  });
});
afterAll(() => server.close());

it('README → newsloom init → ingest (local feed, documented flag) → digest works as printed', async () => {
  const lines = readmeCommands();
  const pathLine = lines.find((line) => line.startsWith('export PATH='));
  const ingest = lines.find((line) => line.includes('--allow-private-network'));
  expect(pathLine).toBe('export PATH="$PWD/packages/newsloom/bin:$PATH"');
  expect(lines).toContain('newsloom init');
  expect(lines).toContain('newsloom digest');
  expect(ingest).toBe(`newsloom ingest --allow-private-network --feed ${PRINTED_FEED}`);
  const folder = tempDir('newsloom-readme-');
  const script = [
    `cd "${ROOT}"`,
    pathLine,
    `cd "${folder}"`,
    'newsloom init',
    ingest?.replace(PRINTED_FEED, `${server.origin}/feed.xml`),
    'newsloom digest',
  ].join(' && ');
  const { stdout, stderr } = await promisify(execFile)('sh', ['-c', script], {
    env: { PATH: process.env.PATH ?? '', HOME: folder },
  });
  expect(stderr).toBe('');
  expect(stdout).toMatch(/Wrote .*newsloom\.config\.json and .*feeds\.opml/);
  expect(stdout).toMatch(/[1-9]\d* new articles?, 0 updated, 0 unchanged from 1 feed\n/);
  expect(stdout).toMatch(/Top headlines \(.*\):\n +1\. .+ \(\d+ articles?, 1 outlet\)/);
  expect(existsSync(join(folder, 'out', 'index.html'))).toBe(true);
}, 60_000);
