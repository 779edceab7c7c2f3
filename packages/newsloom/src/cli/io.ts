/** Where the CLI reads and writes: the real process, or a test's capture. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is an interactive terminal (progress is shown only then). */
  isTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * The real process's IO.
 * @example await main(process.argv.slice(2), processIo())
 */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** A progress line on stderr, redrawn in place; silent when not a TTY or with `--quiet`. */
export interface Progress {
  update(label: string, done: number, total: number): void;
  done(): void;
}

const WIDTH = 24;

/**
 * A minimal progress bar: `cluster  [#######.........]  300/959`. No dependency, no output
 * when stderr is not a terminal (logs and pipes stay clean).
 * @example const progress = createProgress(io, quiet)
 */
export function createProgress(io: CliIo, quiet: boolean): Progress {
  const enabled = io.isTTY && !quiet;
  let drawn = false;
  return {
    update(label, done, total) {
      if (!enabled) return;
      const share = total > 0 ? Math.min(done / total, 1) : 0;
      const filled = Math.round(share * WIDTH);
      const bar =
        total > 0
          ? `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}`
          : `${done}`;
      io.stderr(`\r\u001b[2K${label.padEnd(10)} ${bar}`);
      drawn = true;
    },
    done() {
      if (enabled && drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}
