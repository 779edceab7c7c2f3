import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrashChild, writeCrashImportFile } from '@newsloom/testing';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/index';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const child = join(packageDir, 'test/fixtures/crash-child.ts');
const BATCHES = 80;
const BATCH_SIZE = 50;
const KILLS = 4;

const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Article counts per batch, read after a crash through a fresh connection. */
function inspect(db: string): {
  integrity: unknown;
  perBatch: Map<number, number>;
  indexed: number;
} {
  const raw = new Database(db);
  try {
    const integrity = raw.pragma('integrity_check', { simple: true });
    const rows = raw
      .prepare<[], { batch: number; n: number }>(
        "SELECT CAST(substr(id, 2, instr(id, '-') - 2) AS INTEGER) AS batch, count(*) AS n FROM articles GROUP BY batch",
      )
      .all();
    const indexed = raw
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'crash'",
      )
      .get();
    return {
      integrity,
      perBatch: new Map(rows.map((row) => [row.batch, row.n])),
      indexed: indexed?.n ?? 0,
    };
  } finally {
    raw.close();
  }
}

describe('crash safety of the SQLite store', () => {
  it('loses no committed batch and keeps no partial one across SIGKILLs, and re-import adds no duplicates', async () => {
    const db = join(dir, 'crash.db');
    const jsonl = join(dir, 'import.jsonl');
    writeCrashImportFile(jsonl, BATCHES, BATCH_SIZE);
    let seed = 20240101;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let kills = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Each run gets further than the last, so every kill lands among new inserts.
      const target =
        Math.floor(((kill + 1) * BATCHES) / (KILLS + 1)) + Math.floor(random() * 8) - 4;
      const { committed, killed } = await runCrashChild({
        script: child,
        args: [db, jsonl, String(BATCH_SIZE)],
        cwd: packageDir,
        killAfter: target,
        delayMs: Math.floor(random() * 15),
      });
      const { integrity, perBatch, indexed } = inspect(db);
      expect(integrity).toBe('ok');
      for (const batch of committed) expect(perBatch.get(batch)).toBe(BATCH_SIZE);
      for (const count of perBatch.values()) expect(count).toBe(BATCH_SIZE);
      expect(indexed).toBe([...perBatch.values()].reduce((a, b) => a + b, 0));
      if (killed) kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS - 1);
    const present = [...inspect(db).perBatch.values()].reduce((a, b) => a + b, 0);
    const store = openSqliteStore({ path: db });
    const result = await store.importJsonl(jsonl, { batchSize: BATCH_SIZE });
    await store.close();
    expect(result).toMatchObject({
      inserted: BATCHES * BATCH_SIZE - present,
      unchanged: present,
      updated: 0,
    });
    const { perBatch } = inspect(db);
    expect(perBatch.size).toBe(BATCHES);
    expect([...perBatch.values()].every((n) => n === BATCH_SIZE)).toBe(true);
  }, 90_000);
});
