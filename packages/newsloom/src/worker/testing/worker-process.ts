// Runs `newsloom worker` as a real child process (the CLI from source through tsx) and
// follows its output lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A running worker process. */
export interface WorkerProcess {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already printed or to come) matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null when killed) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `newsloom worker --db <url> …args` with `--allow-private-network` (the feeds are on
 * loopback). `ownSession` starts it in a session of its own (setsid), as a worker on its own
 * machine or service would be: Linux's autogroup scheduler shares one session's CPU among all
 * its processes, so on a loaded machine a second worker in the caller's session would get no
 * more CPU than one (the bench measures how workers scale, not that).
 * @example const worker = startWorker(url, ['--roles', 'fetch'])
 */
export function startWorker(
  url: string,
  args: readonly string[],
  options: { ownSession?: boolean } = {},
): WorkerProcess {
  const proc = spawn(
    process.execPath,
    [
      ...['--conditions=@newsloom/source', '--import', 'tsx', 'src/bin.ts', 'worker'],
      ...['--db', url, '--allow-private-network', ...args],
    ],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'], detached: options.ownSession === true },
  );
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let pending = '';
  const onData = (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    proc,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no line matching ${pattern} in ${timeoutMs} ms:\n${lines.join('\n')}`),
            ),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}
