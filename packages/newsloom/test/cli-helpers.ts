import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';

/** The outcome of one in-process CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'newsloom-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `newsloom <args>` in-process in `cwd`, capturing its output (not a TTY). */
export async function runCli(cwd: string, args: string[], signal?: AbortSignal): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    cwd,
    env: {},
  };
  const code = await main(args, io, signal);
  return { code, stdout, stderr };
}

/**
 * A fingerprint of every file under `dir` (relative path → sha256), to prove a command changed
 * nothing: the store, its sidecars and the site alike. SQLite's shared-memory index (`-shm`) and
 * an empty write-ahead log (`-wal`) hold no data (a read-only connection leaves them behind), so
 * they are left out; a `-wal` with content counts.
 */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        entry.name.endsWith('-shm') ||
        (entry.name.endsWith('-wal') && statSync(path).size === 0)
      )
        continue;
      else
        result[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return result;
}
