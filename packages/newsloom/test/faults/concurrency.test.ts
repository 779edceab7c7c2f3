// Fault suite, part 2: ingest and clustering runs beside each other on one database, with
// random starts and random SIGSTOP/SIGCONT pauses, plus the two forced interleavings of the
// issue (a run paused after reading the state while another commits). After each: integrity
// ok, every article in exactly one story or quarantined, stories equal an uninterrupted run.
// (`poll` is `ingest` of feeds plus the same cluster stage; it is represented by `ingest` here.)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Child,
  controlRun,
  type Outcome,
  outcome,
  runStep,
  type Step,
  start,
  waitStopped,
} from './harness';
import { syntheticArticles, writeJsonl } from './synthetic';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-faults-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const first = join(dir, 'first.jsonl');
const second = join(dir, 'second.jsonl');
const base = join(dir, 'base.db');
let expected: Outcome;

beforeAll(async () => {
  // One ingest batch per chunk (< 500 articles): a run sees all of a chunk or none of it.
  const articles = syntheticArticles(900);
  writeJsonl(first, articles.slice(0, 450));
  writeJsonl(second, articles.slice(450));
  await controlRun(base, [{ kind: 'ingest', jsonl: first }, { kind: 'digest' }]);
  const control = join(dir, 'control.db');
  copyFileSync(base, control);
  await controlRun(control, [{ kind: 'ingest', jsonl: second }, { kind: 'digest' }]);
  expected = await outcome(control);
}, 120_000);

function fresh(name: string): string {
  const db = join(dir, `${name}.db`);
  copyFileSync(base, db);
  return db;
}

async function finish(db: string): Promise<void> {
  await runStep({ kind: 'digest' }, db);
  const actual = await outcome(db);
  expect(actual.integrity).toBe('ok');
  expect(actual.violations).toEqual([]);
  expect(actual.stories).toEqual(expected.stories);
  expect(actual.summaries).toBe(expected.summaries);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pauses a random child for a random time, a few times, while they run. */
async function jostle(children: readonly Child[], random: () => number): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await sleep(100 + random() * 400);
    const child = children[Math.floor(random() * children.length)];
    if (!child || child.proc.exitCode !== null || child.proc.signalCode !== null) continue;
    child.proc.kill('SIGSTOP');
    await sleep(random() * 500);
    child.proc.kill('SIGCONT');
  }
}

// SIGSTOP/SIGCONT and /proc (to see a child stopped) are POSIX/Linux: elsewhere this is skipped.
describe.skipIf(process.platform !== 'linux')('concurrent ingest, cluster and digest', () => {
  const steps: Step[] = [
    { kind: 'ingest', jsonl: second },
    { kind: 'digest' },
    { kind: 'cluster' },
    { kind: 'digest' },
  ];
  for (let trial = 0; trial < 8; trial += 1) {
    it(`random interleaving ${trial + 1} with SIGSTOP/SIGCONT pauses`, async () => {
      let seed = 1000 + trial;
      const random = () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
      const db = fresh(`random-${trial}`);
      const children: Child[] = [];
      for (const step of steps) {
        children.push(start(step, db));
        await sleep(random() * 300);
      }
      await jostle(children, random);
      const exits = await Promise.all(children.map((c) => c.exit));
      for (const exit of exits) expect(exit.code, exit.out).toBe(0);
      await finish(db);
    }, 180_000);
  }

  it('forced: A paused after reading the state, ingest, B commits and pauses, A resumes, B resumes', async () => {
    const db = fresh('forced-1');
    const a = start({ kind: 'digest' }, db, 'state-read');
    await a.printed('stopping at state-read');
    await waitStopped(a.proc.pid ?? 0);
    await runStep({ kind: 'ingest', jsonl: second }, db);
    const b = start({ kind: 'digest' }, db, 'committed');
    await b.printed('stopping at committed');
    await waitStopped(b.proc.pid ?? 0);
    a.proc.kill('SIGCONT');
    const exitA = await a.exit;
    expect(exitA.code, exitA.out).toBe(0);
    b.proc.kill('SIGCONT');
    const exitB = await b.exit;
    expect(exitB.code, exitB.out).toBe(0);
    await finish(db);
  }, 180_000);

  it('forced: a stale run commits after ingest and another run, and is redone', async () => {
    const db = fresh('forced-2');
    await runStep({ kind: 'ingest', jsonl: second }, db);
    const a = start({ kind: 'cluster' }, db, 'state-read');
    await a.printed('stopping at state-read');
    await waitStopped(a.proc.pid ?? 0);
    await runStep({ kind: 'cluster' }, db);
    a.proc.kill('SIGCONT');
    const exitA = await a.exit;
    expect(exitA.code, exitA.out).toBe(0);
    expect(exitA.out).toMatch(/clustered 0 retries 1/);
    await finish(db);
  }, 180_000);
});
