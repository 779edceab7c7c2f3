import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCli, tempDir } from './cli-helpers';
import { DEMO_DATA } from './demo-digest';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
// tsx's ESM loader by absolute URL, so the child can run from any directory.
const TSX = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;

function startPoll(cwd: string) {
  const child = spawn(
    process.execPath,
    ['--conditions=@newsloom/source', '--import', TSX, BIN, 'poll', '--cluster-seconds', '1'],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEWSLOOM_IDLE_MS: '1500' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

it('the bin polls until Ctrl-C (an idle line when quiet, a summary when stopped), then exits 130 leaving a usable store', async () => {
  const cwd = tempDir('newsloom-bin-');
  for (const name of ['reuters.xml', 'the-hill.xml'])
    copyFileSync(join(DEMO_DATA, 'feeds', name), join(cwd, name));
  const outlines = ['reuters', 'the-hill']
    .map((n) => `<outline text="${n}" xmlUrl="${n}.xml"/>`)
    .join('');
  writeFileSync(
    join(cwd, 'feeds.opml'),
    `<opml version="2.0"><head/><body>${outlines}</body></opml>`,
  );
  writeFileSync(join(cwd, 'newsloom.config.json'), JSON.stringify({ opml: './feeds.opml' }));
  const poll = startPoll(cwd);
  const deadline = Date.now() + 30_000;
  // Both feeds polled and clustered, then quiet: the idle line comes after the last poll line.
  const settled = (out: string) =>
    /reuters\.xml: ok/.test(out) &&
    /the-hill\.xml: ok/.test(out) &&
    out.lastIndexOf('idle: next feed due at') > out.lastIndexOf('.xml: ok') &&
    out.lastIndexOf('idle: next feed due at') > out.lastIndexOf(' stories, ');
  while (!settled(poll.output().stdout) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  expect(poll.output().stdout).toMatch(/reuters\.xml: ok, [1-9]\d* new/);
  expect(poll.output().stdout).toMatch(
    /[1-9]\d* new articles clustered: [1-9]\d* open stor(y|ies), [1-9]\d* created or updated/,
  );
  expect(poll.output().stdout).toMatch(
    /idle: next feed due at \d{4}-\d{2}-\d{2}T.* \(Ctrl-C stops\)/,
  );
  poll.child.kill('SIGINT');
  expect(await poll.exited).toBe(130);
  expect(poll.output().stderr).toContain('stopping');
  expect(poll.output().stdout).toMatch(
    /Stopped after \d+ min: 2 feed polls \(0 failed\), [1-9]\d* new articles, [1-9]\d* clustering pass/,
  );
  const after = await runCli(cwd, ['cluster', '--json']);
  expect(after.code).toBe(0);
  // `activeStories` counts the stories in the clusterer's active window (closed ones live in the store).
  expect(JSON.parse(after.stdout).activeStories).toBeGreaterThan(0);
}, 60_000);
