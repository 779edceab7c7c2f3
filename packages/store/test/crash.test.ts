import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Articles `b<batch>-<i>`, so a batch can be counted by id prefix. */
function writeImportFile(path: string): void {
  const lines: string[] = [];
  for (let batch = 0; batch < BATCHES; batch += 1) {
    for (let i = 0; i < BATCH_SIZE; i += 1) {
      const n = batch * BATCH_SIZE + i;
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
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

interface Outcome {
  /** Batches the child reported committed before it died. */
  committed: Set<number>;
  /** False when it finished before the kill landed. */
  killed: boolean;
}

/** Runs the child until it has reported `killAfter` commits (plus a small random delay), then SIGKILLs it. */
function runAndKill(
  db: string,
  jsonl: string,
  killAfter: number,
  delayMs: number,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--conditions=@newsloom/source', '--import', 'tsx', child, db, jsonl, String(BATCH_SIZE)],
      {
        cwd: packageDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const committed = new Set<number>();
    let stderr = '';
    let pending = '';
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^committed (\d+)$/.exec(line);
        if (match) committed.add(Number(match[1]));
      }
      if (committed.size >= killAfter) setTimeout(() => proc.kill('SIGKILL'), delayMs);
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ committed, killed: signal === 'SIGKILL' });
      else reject(new Error(`crash child exited with ${code}: ${stderr}`));
    });
  });
}

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
    writeImportFile(jsonl);
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
      const { committed, killed } = await runAndKill(db, jsonl, target, Math.floor(random() * 15));
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
