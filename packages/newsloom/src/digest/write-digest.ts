import { randomBytes } from 'node:crypto';
import {
  copyFile,
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { type Edition, NewsloomError } from '@newsloom/core';
import { archiveDate, isArchiveDate, renderArchiveNav, replaceArchiveNav } from './render-archive';
import { type DigestOptions, renderDigest } from './render-digest';

/** What {@link writeDigest} did. */
export interface WriteDigestResult {
  /** Absolute path of the digest's `index.html`. */
  indexPath: string;
  /** Files of the new site (archive included). */
  files: number;
  /** Files whose bytes changed (or are new), written. */
  written: number;
  /** Files with the same bytes as before, kept as they were (hard-linked). */
  unchanged: number;
  /** Pages of the previous site that left the edition (kept in the archive), removed. */
  removed: number;
  /** The archive folder of this edition (`YYYY-MM-DD`). */
  archiveDate: string;
  /** Set when the site was left as it was, with the reason. */
  skipped?: string;
}

/** Options of {@link writeDigest}. */
export type WriteDigestOptions = Omit<DigestOptions, 'archiveDates'>;

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

function storageError(cause: unknown, path: string): NewsloomError | undefined {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !FULL.has(code)) return undefined;
  const what = code === 'EROFS' ? 'is read-only' : code === 'EDQUOT' ? 'is over quota' : 'is full';
  return new NewsloomError(
    'STORAGE_FULL',
    `cannot write the digest to ${path}: the disk ${what} (${code}); free some space or pass another --out. The previous site was left complete.`,
    { cause, details: { path, code } },
  );
}

/** The site folder is swapped by rename: it must not hold the process's working directory. */
function checkNotWorkingDirectory(root: string): void {
  const cwd = resolve(process.cwd());
  if (cwd !== root && !cwd.startsWith(`${root}${sep}`)) return;
  throw new NewsloomError(
    'INVALID_INPUT',
    `cannot write the digest to ${root}: it is (or holds) the working directory, and the site folder is replaced whole; choose a folder of its own, e.g. --out ./out`,
    { details: { path: root } },
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cleans up after a writer that died: its temporary folders beside the site
 * (`.<site>.tmp-<pid>-…`) are removed; a previous site it had moved aside (`.<site>.old-…`) is
 * put back when the site itself is missing, else removed.
 */
async function sweepStale(root: string): Promise<void> {
  const parent = dirname(root);
  const prefix = `.${basename(root)}.`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = /\.(tmp|old)-(\d+)-[0-9a-f]+$/.exec(name);
    if (!name.startsWith(prefix) || !match) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    const stale = join(parent, name);
    if (match[1] === 'old' && !(await exists(root))) await rename(stale, root);
    else await rm(stale, { recursive: true, force: true });
  }
}

async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await link(source, target).catch(() => copyFile(source, target));
}

/** Puts `contents` at `target`: a hard link to `previous` when its bytes are the same. */
async function place(target: string, contents: string, previous: string): Promise<boolean> {
  await mkdir(dirname(target), { recursive: true });
  const bytes = Buffer.from(contents, 'utf8');
  const old = await readFile(previous).catch(() => undefined);
  if (old?.equals(bytes)) {
    await linkOrCopy(previous, target);
    return false;
  }
  await writeFile(target, bytes);
  return true;
}

interface Plan {
  root: string;
  temporary: string;
  date: string;
  dates: string[];
}

/** Builds the new site in `plan.temporary`: rendered files, then what the old site keeps. */
async function buildTree(edition: Edition, plan: Plan, options: WriteDigestOptions) {
  const files = renderDigest(edition, { ...options, archiveDates: plan.dates });
  const counts = { written: 0, unchanged: 0, removed: 0, files: files.length };
  const fresh = new Set(files.map((f) => f.path));
  for (const file of files) {
    const changed = await place(
      join(plan.temporary, file.path),
      file.contents,
      join(plan.root, file.path),
    );
    if (changed) counts.written += 1;
    else counts.unchanged += 1;
  }
  const nextDates = [...new Set([...plan.dates, plan.date])].sort();
  for (const path of await listFiles(plan.root)) {
    if (fresh.has(path)) continue;
    const [top, day] = path.split('/');
    if (top === 'stories' || top === 'outlets' || (top === 'archive' && day === plan.date)) {
      counts.removed += 1;
      continue;
    }
    // Older archived editions and files the user put there are kept; the previous edition's
    // front page gets its "next" link.
    let contents: string | undefined;
    if (top === 'archive' && day && path === `archive/${day}/index.html`) {
      const html = await readFile(join(plan.root, path), 'utf8');
      contents = replaceArchiveNav(html, renderArchiveNav(day, nextDates, true));
    }
    const source = join(plan.root, path);
    const target = join(plan.temporary, path);
    counts.files += 1;
    if (contents !== undefined && (await place(target, contents, source))) counts.written += 1;
    else {
      if (contents === undefined) await linkOrCopy(source, target);
      counts.unchanged += 1;
    }
  }
  return counts;
}

/** Swaps the new tree in: the old site is moved aside, the new one renamed into place. */
async function swap(root: string, temporary: string, aside: string): Promise<void> {
  const hadSite = await exists(root);
  if (hadSite) await rename(root, aside);
  try {
    await rename(temporary, root);
  } catch (error) {
    if (hadSite) await rename(aside, root);
    throw error;
  }
  if (hadSite) await rm(aside, { recursive: true, force: true });
}

/**
 * Renders an edition and writes it to `outDir` atomically: the new site is built in a
 * temporary folder beside it (unchanged files hard-linked, only changed ones written), then
 * swapped in by rename, so readers see the old site or the new one, never a mix. Pages that
 * left the edition are removed (each edition stays complete under `archive/YYYY-MM-DD/`). An
 * edition with no stories never replaces an existing site.
 * @example const { indexPath, written, unchanged, removed } = await writeDigest(edition, './out')
 * @throws {NewsloomError} `STORAGE_FULL` (naming the path) when the disk is full, over quota or
 * read-only; the previous site is left complete and no temporary file remains. `INVALID_INPUT`
 * when `outDir` is or holds the working directory.
 */
export async function writeDigest(
  edition: Edition,
  outDir: string,
  options: WriteDigestOptions = {},
): Promise<WriteDigestResult> {
  const root = resolve(outDir);
  checkNotWorkingDirectory(root);
  const parent = dirname(root);
  const base = basename(root);
  const date = archiveDate(edition);
  const result = { indexPath: join(root, 'index.html'), archiveDate: date };
  const empty = { files: 0, written: 0, unchanged: 0, removed: 0 };
  try {
    await mkdir(parent, { recursive: true });
    await sweepStale(root);
    if (edition.stories.length === 0 && (await exists(result.indexPath))) {
      const skipped = `the edition has no stories (nothing was updated in its window): the site in ${root} was left as it was`;
      return { ...result, ...empty, skipped };
    }
    const dates = (await readdir(join(root, 'archive')).catch(() => [] as string[])).filter(
      isArchiveDate,
    );
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const temporary = join(parent, `.${base}.tmp-${tag}`);
    try {
      const counts = await buildTree(edition, { root, temporary, date, dates }, options);
      await swap(root, temporary, join(parent, `.${base}.old-${tag}`));
      return { ...result, ...counts };
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  } catch (cause) {
    throw storageError(cause, root) ?? cause;
  }
}
