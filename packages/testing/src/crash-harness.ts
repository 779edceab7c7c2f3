import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/**
 * Writes a JSONL import of `batches × batchSize` articles with ids `b<batch>-<i>`, so that a
 * crash test can count what a batch left behind by id prefix.
 */
export function writeCrashImportFile(path: string, batches: number, batchSize: number): void {
  const lines: string[] = [];
  for (let n = 0; n < batches * batchSize; n += 1) {
    const [batch, i] = [Math.floor(n / batchSize), n % batchSize];
    lines.push(
      JSON.stringify({
        id: `b${batch}-${i}`,
        url: `https://crash.example/${batch}/${i}`,
        outlet: `Outlet ${n % 7}`,
        title: `Crash test article ${n}`,
        text: `Paragraph ${n}. `.repeat(40),
        publishedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
      }),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** What a crash child did before it died. */
export interface CrashOutcome {
  /** Batches the child reported (`committed N` lines on stdout) before it died. */
  committed: Set<number>;
  /** False when it finished before the kill landed. */
  killed: boolean;
}

/** A TypeScript child run with `--import tsx`, killed once it has reported enough commits. */
export interface CrashChild {
  /** The child script, run with the workspace's source condition. */
  script: string;
  args: readonly string[];
  cwd: string;
  /** SIGKILL once this many distinct batches were reported committed… */
  killAfter: number;
  /** …and this many milliseconds more, so the kill lands at varied points of the next batch. */
  delayMs: number;
}

/**
 * Runs a crash child until it has reported `killAfter` commits (plus `delayMs`), then SIGKILLs
 * it. Rejects if the child fails on its own (any exit but 0 or the kill), with its stderr.
 */
export function runCrashChild(child: CrashChild): Promise<CrashOutcome> {
  return new Promise((resolve, reject) => {
    const args = ['--conditions=@newsloom/source', '--import', 'tsx', child.script, ...child.args];
    const proc = spawn(process.execPath, args, {
      cwd: child.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed = new Set<number>();
    let [stderr, pending] = ['', ''];
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match) committed.add(Number(match[1]));
      }
      if (committed.size >= child.killAfter) {
        setTimeout(() => proc.kill('SIGKILL'), child.delayMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ committed, killed: signal === 'SIGKILL' });
      else reject(new Error(`crash child exited with ${code}: ${stderr}`));
    });
  });
}
