import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One set's result from sklearn_cluster_baseline.py. */
export interface BaselineResult {
  set: string;
  threshold: number;
  /** Median CPU seconds of the runs. */
  seconds: number;
  /** CPU and wall seconds of each run. */
  runs: number[];
  wall: number[];
  /** A run took longer (wall) than `--budget`; the remaining runs and sets were skipped. */
  over_budget: boolean;
  implementation: string;
  labels: Record<string, string>;
}

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'sklearn_cluster_baseline.py');

// Debian's python3-sklearn lives under /usr/bin/python3; when that interpreter lacks even numpy,
// fall back to the python3 on PATH (the script then replicates scikit-learn with numpy + scipy).
function pickPython(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

/**
 * Runs the baseline (tuned on `tuneFolder`, unless `args` pass `--threshold`) over `folders`;
 * undefined when no usable Python. `args` go to the script (`--threshold`, `--repeats`,
 * `--budget`); past `timeoutMs` the process is killed and the sets finished so far are returned.
 */
export function runPythonBaseline(
  tuneFolder: string,
  folders: readonly string[],
  { args = [], timeoutMs }: { args?: readonly string[]; timeoutMs?: number } = {},
): BaselineResult[] | undefined {
  const python = pickPython();
  if (!python) {
    console.log('baseline skipped: no python3 with numpy and scipy (install python3-sklearn)');
    return undefined;
  }
  const run = spawnSync(python, [SCRIPT, ...args, tuneFolder, ...folders], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
  });
  if (run.signal !== null && timeoutMs !== undefined) {
    console.log(`baseline stopped: still running after ${Math.round(timeoutMs / 1000)} s`);
  } else if (run.status !== 0) {
    console.log(`baseline failed (${python}): ${run.stderr.slice(-500)}`);
    return undefined;
  }
  // A killed run may leave a cut last line: keep the complete ones.
  return run.stdout
    .split('\n')
    .filter((line) => line.trim().endsWith('}'))
    .map((line) => JSON.parse(line) as BaselineResult);
}
