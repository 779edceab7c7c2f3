// Helpers of the fault suite: run pipeline steps in child processes, stop and kill them, and
// read back what a database holds.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@newsloom/store';
import Database from 'better-sqlite3';
import { createPipeline } from '../../src/pipeline/create-pipeline';

const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const worker = join(packageDir, 'test/faults/worker.ts');

/** A pipeline step as the CLI runs it. */
export type Step = { kind: 'ingest'; jsonl: string } | { kind: 'cluster' } | { kind: 'digest' };

/** A running child step. */
export interface Child {
  proc: ChildProcess;
  /** Resolves when it exits: how, and what it printed. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>;
  /** Resolves when it printed `line` (rejects if it exits first). */
  printed(line: string): Promise<void>;
}

/** Starts one step in a child process. `stopAt` makes it SIGSTOP itself there. */
export function start(step: Step, db: string, stopAt?: 'state-read' | 'committed'): Child {
  const args = [step.kind, db, ...(step.kind === 'ingest' ? [step.jsonl] : [])];
  const proc = spawn(
    process.execPath,
    ['--conditions=@newsloom/source', '--import', 'tsx', worker, ...args],
    {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(stopAt ? { FAULT_STOP: stopAt } : {}) },
    },
  );
  let out = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  proc.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters) if (out.includes(w.line)) w.resolve();
  });
  proc.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>(
    (resolve) => proc.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  const printed = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(line)) return resolve();
      waiters.push({ line, resolve });
      exit.then(() =>
        out.includes(line) ? resolve() : reject(new Error(`exited before "${line}": ${out}`)),
      );
    });
  return { proc, exit, printed };
}

/** Runs a step to completion; throws with its output when it fails. */
export async function runStep(step: Step, db: string): Promise<string> {
  const { code, out } = await start(step, db).exit;
  if (code !== 0) throw new Error(`${step.kind} failed (${code}): ${out}`);
  return out;
}

/** Waits until a process is stopped (state T in /proc). */
export async function waitStopped(pid: number): Promise<void> {
  for (let i = 0; i < 3000; i += 1) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('T')) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`process ${pid} did not stop`);
}

/** The same steps in this process, uninterrupted: the control run. */
export async function controlRun(db: string, steps: readonly Step[]): Promise<void> {
  const pipeline = createPipeline({ databasePath: db });
  for (const step of steps) {
    if (step.kind === 'ingest') await pipeline.ingestJsonl(step.jsonl);
    else if (step.kind === 'cluster') await pipeline.cluster();
    else await pipeline.run({ fetch: false });
  }
  await pipeline.close();
}

/** What a database holds, comparable across runs, and the invariant every run must keep. */
export interface Outcome {
  stories: string[];
  summaries: string;
  quarantined: string[];
  /** Articles in no story and not quarantined, or in two stories, or in both. */
  violations: string[];
  integrity: string;
}

/** Reads stories, summaries and quarantine of `db` and checks every article is placed once. */
export async function outcome(db: string): Promise<Outcome> {
  const raw = new Database(db, { readonly: true });
  const integrity = String(raw.pragma('integrity_check', { simple: true }));
  raw.close();
  const store = openSqliteStore({ path: db, readonly: true });
  const stories = await store.getStories();
  const quarantined = (await store.listQuarantined()).map((q) => q.articleId as string);
  const placed = new Map<string, number>();
  for (const s of stories) for (const id of s.articleIds) placed.set(id, (placed.get(id) ?? 0) + 1);
  for (const id of quarantined) placed.set(id, (placed.get(id) ?? 0) + 1);
  const violations: string[] = [];
  for await (const article of store.queryArticles()) {
    const times = placed.get(article.id) ?? 0;
    if (times !== 1) violations.push(`${article.id} placed ${times} times`);
  }
  const summaries = (await store.getSummaries()).map((s) => JSON.stringify(s)).join('\n');
  await store.close();
  return {
    stories: stories.map((s) => JSON.stringify(s)).sort(),
    summaries: createHash('sha256').update(summaries).digest('hex'),
    quarantined: quarantined.sort(),
    violations,
    integrity,
  };
}
