// Fault suite, part 1: SIGKILL at random points of ingest, cluster and digest. After every
// kill the step is run again (no manual step); the final stories, memberships and summaries must
// equal those of an uninterrupted run, the database must pass SQLite's integrity check, and
// every article must be in exactly one story or quarantined.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { controlRun, outcome, runStep, type Step, start } from './harness';
import { syntheticArticles, writeJsonl } from './synthetic';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-faults-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KILLS = 20;
const CHUNKS = 4;
const CHUNK = 450;

function stepsOf(chunks: readonly string[]): Step[] {
  return chunks.flatMap((jsonl): Step[] => [
    { kind: 'ingest', jsonl },
    { kind: 'cluster' },
    { kind: 'digest' },
  ]);
}

/** Runs a step, SIGKILLing it after a random delay once it is up; true when the kill landed. */
async function killOnce(step: Step, db: string, random: () => number): Promise<boolean> {
  const child = start(step, db);
  await child.printed('ready').catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)));
  child.proc.kill('SIGKILL');
  const { signal } = await child.exit;
  return signal === 'SIGKILL';
}

it(`recovers from ${KILLS} SIGKILLs during ingest, cluster and digest to the uninterrupted result`, async () => {
  const articles = syntheticArticles(CHUNKS * CHUNK);
  const chunks = Array.from({ length: CHUNKS }, (_, i) => {
    const path = join(dir, `chunk-${i}.jsonl`);
    writeJsonl(path, articles.slice(i * CHUNK, (i + 1) * CHUNK));
    return path;
  });
  const steps = stepsOf(chunks);
  const control = join(dir, 'control.db');
  await controlRun(control, steps);
  const expected = await outcome(control);

  const db = join(dir, 'killed.db');
  let seed = 11;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  let landed = 0;
  const killedKinds = new Set<string>();
  for (const [index, step] of steps.entries()) {
    // Spread the kills over the steps: two tries per step, more on the last ones if needed.
    const tries = index === steps.length - 1 ? KILLS : 2;
    for (let t = 0; t < tries && landed < KILLS; t += 1) {
      if (await killOnce(step, db, random)) {
        landed += 1;
        killedKinds.add(step.kind);
      }
      const check = await outcome(db).catch(() => undefined);
      if (check) expect(check.integrity).toBe('ok');
    }
    await runStep(step, db);
  }
  expect(landed).toBe(KILLS);
  expect([...killedKinds].sort()).toEqual(['cluster', 'digest', 'ingest']);
  const actual = await outcome(db);
  expect(actual.integrity).toBe('ok');
  expect(actual.violations).toEqual([]);
  expect(actual.stories.length).toBeGreaterThan(100);
  expect(actual.stories).toEqual(expected.stories);
  expect(actual.summaries).toBe(expected.summaries);
  expect(actual.quarantined).toEqual(expected.quarantined);
}, 900_000);
