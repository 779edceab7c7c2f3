// A full disk is its own one-line error with exit code 6 naming the path, and leaves no
// temporary file behind. Needs a small tmpfs: mounted when this process may (root), else the
// tests are skipped and say so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyJsonl } from '@newsloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes';
import { runCli, tempDir } from './cli-helpers';

const home = tempDir('newsloom-full-');
const disk = join(home, 'small-disk');

function mountSmallDisk(): boolean {
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounted = process.platform === 'linux' && mountSmallDisk();
// Where a 64 KB tmpfs cannot be mounted (not root), the block counts as skipped.

describe.skipIf(!mounted)('newsloom on a full disk (64 KB tmpfs)', () => {
  beforeAll(async () => {
    // 300 articles with long summaries: an export of them is far larger than the disk.
    const articles = Array.from({ length: 300 }, (_, i) => ({
      url: `https://outlet-${i % 7}.example/story-${i}`,
      outlet: `Outlet ${i % 7}`,
      title: `Story number ${i} about topic ${i % 13}`,
      summary: `Summary ${i}. `.repeat(40),
      publishedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
    }));
    writeFileSync(join(home, 'articles.jsonl'), stringifyJsonl(articles));
    expect((await runCli(home, ['ingest', '--jsonl', 'articles.jsonl'])).code).toBe(0);
  });
  afterAll(() => {
    execFileSync('umount', [disk]);
  });

  it('export: exit 6, one line naming the file, no partial or temporary file', async () => {
    const target = join(disk, 'articles.jsonl');
    const run = await runCli(home, ['export', '--out', target]);
    expect(run.code).toBe(EXIT_CODES.storage);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^newsloom: cannot write (\S+): the disk is full.*ENOSPC/i);
    expect(run.stderr).toContain(`${target}:`);
    expect(run.stderr).not.toContain('.tmp');
    expect(readdirSync(disk)).toEqual([]);
  });

  it('digest: exit 6, one line naming a path on the full disk', async () => {
    const run = await runCli(home, ['digest', '--out', join(disk, 'site')]);
    expect(run.code).toBe(EXIT_CODES.storage);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^newsloom: .*${disk}.*(ENOSPC|full)`));
    expect(existsSync(join(home, 'newsloom.db'))).toBe(true);
  });
});
