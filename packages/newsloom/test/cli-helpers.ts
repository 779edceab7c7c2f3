import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
