import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrashChild, writeCrashImportFile } from '@newsloom/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgresStore, openPostgresStore } from '../src/index';
import { dropSchema, freshSchemaName, testUrl } from './postgres-env';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const child = join(packageDir, 'test/fixtures/crash-child.ts');
const BATCHES = 60;
const BATCH_SIZE = 50;
const KILLS = 4;
const url = testUrl ?? '';
const schema = freshSchemaName('crash');
const dir = mkdtempSync(join(tmpdir(), 'newsloom-pg-crash-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (testUrl !== undefined) await dropSchema(schema);
});

async function inspect() {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ batch: number; n: string }>(
      `SELECT split_part(substr(id, 2), '-', 1)::int AS batch, count(*) AS n
       FROM ${schema}.articles GROUP BY 1`,
    );
    const seq = await client.query<{ n: string; m: string | null; d: string }>(
      `SELECT count(*) AS n, max(ingest_seq) AS m, count(DISTINCT ingest_seq) AS d
       FROM ${schema}.articles`,
    );
    const indexed = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${schema}.articles WHERE search @@ 'crash'::tsquery`,
    );
    const stats = seq.rows[0];
    return {
      perBatch: new Map(rows.rows.map((row) => [row.batch, Number(row.n)])),
      total: Number(stats?.n),
      denseSequence: Number(stats?.m ?? 0) === Number(stats?.n) && stats?.d === stats?.n,
      indexed: Number(indexed.rows[0]?.n),
    };
  } finally {
    await client.end();
  }
}

describe.skipIf(testUrl === undefined)('crash safety of the PostgreSQL store', () => {
  it('keeps no partial batch across SIGKILLs, and re-import adds no duplicates', async () => {
    await migratePostgresStore({ url, schema });
    const jsonl = join(dir, 'import.jsonl');
    writeCrashImportFile(jsonl, BATCHES, BATCH_SIZE);
    let kills = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const target = Math.floor(((kill + 1) * BATCHES) / (KILLS + 1)) + (kill % 3) - 1;
      const { committed, killed } = await runCrashChild({
        script: child,
        args: [url, schema, jsonl, String(BATCH_SIZE)],
        cwd: packageDir,
        killAfter: target,
        delayMs: (kill * 7) % 13,
      });
      const { perBatch, total, denseSequence, indexed } = await inspect();
      for (const batch of committed) expect(perBatch.get(batch)).toBe(BATCH_SIZE);
      for (const count of perBatch.values()) expect(count).toBe(BATCH_SIZE);
      expect(denseSequence).toBe(true);
      expect(indexed).toBe(total);
      if (killed) kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS - 1);
    const present = (await inspect()).total;
    const store = await openPostgresStore({ url, schema });
    const result = await store.importJsonl(jsonl, { batchSize: BATCH_SIZE });
    await store.close();
    expect(result).toMatchObject({
      inserted: BATCHES * BATCH_SIZE - present,
      unchanged: present,
      updated: 0,
    });
    const after = await inspect();
    expect(after.perBatch.size).toBe(BATCHES);
    expect([...after.perBatch.values()].every((n) => n === BATCH_SIZE)).toBe(true);
    expect(after.denseSequence).toBe(true);
  }, 120_000);
});
