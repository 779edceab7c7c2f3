// Fault suite, part 3: a future-dated and a 1900-dated article in the stream, and a database
// restored from an older backup. Both end with every article in exactly one story or
// quarantined, and stories equal to an uninterrupted run.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { controlRun, outcome, runStep, type Step } from './harness';
import { syntheticArticles, writeJsonl } from './synthetic';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-faults-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chunks(): [string, string] {
  const articles = syntheticArticles(900);
  const [a, b] = [articles.slice(0, 450), articles.slice(450)];
  const template = articles[460] ?? articles[0];
  const odd = [
    {
      ...template,
      id: 'future',
      url: 'https://odd.example/future',
      publishedAt: '2999-06-01T00:00:00Z',
    },
    {
      ...template,
      id: 'ancient',
      url: 'https://odd.example/ancient',
      publishedAt: '1900-01-01T00:00:00Z',
    },
  ];
  const paths: [string, string] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
  writeJsonl(paths[0], a);
  // The odd articles come first in the stream, before the rest of the chunk.
  writeJsonl(paths[1], [...odd, ...b]);
  return paths;
}

it('quarantines a future-dated and a 1900-dated article and keeps clustering the rest', async () => {
  const [a, b] = chunks();
  const db = join(dir, 'dates.db');
  for (const step of [
    { kind: 'ingest', jsonl: a },
    { kind: 'digest' },
    { kind: 'ingest', jsonl: b },
    { kind: 'digest' },
  ] as Step[]) {
    await runStep(step, db);
  }
  const result = await outcome(db);
  expect(result.violations).toEqual([]);
  expect(result.quarantined).toEqual(['ancient', 'future']);
  const placed = result.stories.flatMap(
    (s) => (JSON.parse(s) as { articleIds: string[] }).articleIds,
  );
  expect(placed).toHaveLength(900);
}, 180_000);

it('a database restored from an older backup catches up to the uninterrupted result', async () => {
  const [a, b] = chunks();
  const steps: Step[] = [{ kind: 'ingest', jsonl: a }, { kind: 'digest' }];
  const later: Step[] = [{ kind: 'ingest', jsonl: b }, { kind: 'digest' }];
  const control = join(dir, 'control.db');
  await controlRun(control, [...steps, ...later]);
  const db = join(dir, 'restored.db');
  for (const step of steps) await runStep(step, db);
  const backup = join(dir, 'backup.db');
  copyFileSync(db, backup);
  expect(existsSync(`${db}-wal`)).toBe(false);
  for (const step of later) await runStep(step, db);
  // The disk fails; the older backup comes back, and the later input is ingested again.
  copyFileSync(backup, db);
  for (const step of later) await runStep(step, db);
  const actual = await outcome(db);
  const expected = await outcome(control);
  expect(actual.integrity).toBe('ok');
  expect(actual.violations).toEqual([]);
  expect(actual.stories).toEqual(expected.stories);
  expect(actual.summaries).toBe(expected.summaries);
  expect(actual.quarantined).toEqual(expected.quarantined);
}, 180_000);
