import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Edition, EditionSchema, isNewsloomError } from '@newsloom/core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSampleEdition } from '../../test/sample-edition';
import { writeDigest } from './write-digest';

const work = mkdtempSync(join(tmpdir(), 'newsloom-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The sample edition filed under another day, without its last story. */
function nextDay(edition: Edition): Edition {
  const dropped = edition.stories.at(-1)!.id;
  return EditionSchema.parse({
    ...edition,
    generatedAt: '2024-01-05T00:00:00Z',
    coverage: { ...edition.coverage, now: '2024-01-05T00:00:00.000Z' },
    stories: edition.stories.filter((s) => s.id !== dropped),
    summaries: edition.summaries.filter((s) => s.storyId !== dropped),
  });
}

describe('writeDigest', () => {
  const edition = buildSampleEdition();
  const site = join(work, 'site');

  it('writes every file, then rewrites none when nothing changed', async () => {
    const first = await writeDigest(edition, site);
    expect(first).toMatchObject({ written: first.files, unchanged: 0, removed: 0 });
    const before = statSync(join(site, 'index.html'));
    const again = await writeDigest(edition, site);
    expect(again).toMatchObject({ written: 0, unchanged: first.files, removed: 0 });
    // The very same file (a hard link of it), not a rewrite.
    expect(statSync(join(site, 'index.html')).ino).toBe(before.ino);
  });

  it('removes pages that left the window, keeps them in the archive, links the days', async () => {
    const next = nextDay(edition);
    const gone = edition.stories.at(-1)!.id;
    const result = await writeDigest(next, site);
    expect(result.removed).toBeGreaterThan(0);
    expect(result.archiveDate).toBe('2024-01-05');
    expect(existsSync(join(site, `stories/${gone}.html`))).toBe(false);
    expect(existsSync(join(site, `archive/2024-01-04/stories/${gone}.html`))).toBe(true);
    const today = readFileSync(join(site, 'index.html'), 'utf8');
    expect(today).toContain('href="archive/2024-01-04/index.html" rel="prev"');
    const yesterday = readFileSync(join(site, 'archive/2024-01-04/index.html'), 'utf8');
    expect(yesterday).toContain('href="../2024-01-05/index.html" rel="next"');
    const list = readFileSync(join(site, 'archive/index.html'), 'utf8');
    expect(list.indexOf('2024-01-05')).toBeLessThan(list.indexOf('2024-01-04'));
  });

  it('never wipes an existing site with an empty edition, and says why', async () => {
    const empty = EditionSchema.parse({ ...edition, stories: [], summaries: [], articles: [] });
    const before = readFileSync(join(site, 'index.html'), 'utf8');
    const result = await writeDigest(empty, site);
    expect(result.skipped).toMatch(/no stories .* left as it was/);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(before);
  });

  it('sweeps temporary folders a killed writer left, and keeps files it did not write', async () => {
    const stale = join(work, '.site.tmp-999999999-abcd1234');
    mkdirSync(join(stale, 'stories'), { recursive: true });
    writeFileSync(join(stale, 'stories', 'half.html'), '<p>half');
    writeFileSync(join(site, 'CNAME'), 'news.example\n');
    await writeDigest(edition, site);
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(join(site, 'CNAME'), 'utf8')).toBe('news.example\n');
    expect(readdirSync(work).filter((n) => n.startsWith('.site.'))).toEqual([]);
  });

  it('refuses to replace the working directory', async () => {
    const error = await writeDigest(edition, process.cwd()).catch((e: unknown) => e);
    expect(isNewsloomError(error, 'INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toContain('working directory');
  });

  it('puts back a site a killed writer had moved aside', async () => {
    const aside = join(work, '.restored.old-999999999-abcd1234');
    await writeDigest(edition, aside);
    const restored = join(work, 'restored');
    const result = await writeDigest(nextDay(edition), restored);
    // The old site came back first, so its archive day is still there.
    expect(existsSync(join(restored, 'archive/2024-01-04/index.html'))).toBe(true);
    expect(result.archiveDate).toBe('2024-01-05');
    expect(existsSync(aside)).toBe(false);
  });
});

// Absolute paths: these are system tools, not package binaries.
const MOUNT = '/usr/bin/mount';
const UMOUNT = '/usr/bin/umount';

function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'newsloom-tmpfs-probe-'));
  try {
    execFileSync(MOUNT, ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync(UMOUNT, [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const tmpfs = process.platform === 'linux' && canMountTmpfs();
// A user who may not mount a small tmpfs sees this block counted as skipped.

describe.skipIf(!tmpfs)('writeDigest on a full disk (a 1 MB tmpfs)', () => {
  it('fails with STORAGE_FULL naming the path, leaves the old site complete and no temporary file', async () => {
    const disk = mkdtempSync(join(tmpdir(), 'newsloom-full-'));
    execFileSync(MOUNT, ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    try {
      const site = join(disk, 'site');
      const small = EditionSchema.parse({ ...buildSampleEdition(), feeds: [] });
      await writeDigest(small, site);
      const before = readFileSync(join(site, 'index.html'), 'utf8');
      // Fill all but 8 KB: the new site starts to be written, then the disk is full.
      const { bavail, bsize } = statfsSync(disk);
      writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 8192)));
      const error = await writeDigest(nextDay(small), site).catch((e: unknown) => e);
      expect(isNewsloomError(error, 'STORAGE_FULL')).toBe(true);
      expect((error as Error).message).toContain(site);
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe(before);
      expect(readdirSync(disk).sort()).toEqual(['filler', 'site']);
    } finally {
      execFileSync(UMOUNT, [disk]);
      rmSync(disk, { recursive: true, force: true });
    }
  });
});
