import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNewsloomError, type NewsloomErrorCode } from '@newsloom/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { article, collect } from '../conformance/builders';
import { MIGRATIONS, migrate, schemaVersion } from './migrations';
import { openSqliteStore } from './open-sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => {
  files += 1;
  return join(dir, `file-${files}.db`);
};
const failsWith = (code: NewsloomErrorCode, pattern: RegExp) => (error: unknown) =>
  isNewsloomError(error, code) && pattern.test(error.message);

describe('openSqliteStore on problem files', () => {
  it('reports a file that is not a database as STORE_CORRUPT, saying what to do', () => {
    const path = freshPath();
    writeFileSync(path, 'this is not a database, just some text that is long enough\n'.repeat(100));
    expect(() => openSqliteStore({ path })).toThrow(
      expect.toSatisfy(
        failsWith('STORE_CORRUPT', /not a valid SQLite database.*restore it from a backup/),
      ),
    );
  });

  it('refuses a file written by a newer schema with STORE_TOO_NEW', async () => {
    const path = freshPath();
    await openSqliteStore({ path }).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')").run();
    raw.close();
    expect(() => openSqliteStore({ path })).toThrow(
      expect.toSatisfy(failsWith('STORE_TOO_NEW', /v99.*upgrade/)),
    );
  });

  it('migrates an older file in one step and keeps its rows searchable', async () => {
    const path = freshPath();
    makeV1File(path);
    const a = article(1, { title: 'Parliament passes the budget' });
    const raw = new Database(path);
    raw
      .prepare(
        'INSERT INTO articles (id, canonical_url, outlet_id, published_at, content) VALUES (?, ?, ?, ?, ?)',
      )
      .run(a.id, a.canonicalUrl, a.outletId, a.publishedAt, JSON.stringify(a));
    raw.close();
    const store = openSqliteStore({ path });
    expect((await store.searchArticles('budget')).map((x) => x.id)).toEqual([a.id]);
    expect(await store.getArticle(a.id)).toEqual(a);
    await store.close();
  });

  it('rolls a failed migration back wholly', async () => {
    const path = freshPath();
    makeV1File(path);
    const broken = [
      ...MIGRATIONS,
      { version: 3, name: 'broken', up: 'CREATE TABLE extra (x TEXT); SELECT * FROM nope;' },
    ];
    const raw = new Database(path);
    expect(() => migrate(raw, path, { migrations: broken })).toThrow(/nope/);
    expect(schemaVersion(raw)).toBe(1);
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE name IN ('extra', 'runs')")
      .all();
    raw.close();
    expect(tables).toEqual([]);
  });

  it('reports a write lock held by another connection as STORE_LOCKED, while reads go on', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path, busyTimeoutMs: 50 });
    await store.upsertArticles([article(1)]);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.upsertArticles([article(2)])).rejects.toSatisfy(
        failsWith('STORE_LOCKED', /locked.*retry/),
      );
      expect(await collect(store.queryArticles())).toHaveLength(1);
      expect(() => openSqliteStore({ path: lockedFreshPath(), busyTimeoutMs: 50 })).toThrow(
        expect.toSatisfy(failsWith('STORE_LOCKED', /locked/)),
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });

  it('opens read-only: reads work, writes fail with STORE_READONLY, a missing file is NOT_FOUND', async () => {
    const path = freshPath();
    const writer = openSqliteStore({ path });
    await writer.upsertArticles([article(1)]);
    const reader = openSqliteStore({ path, readonly: true });
    await writer.upsertArticles([article(2)]);
    expect(await collect(reader.queryArticles())).toHaveLength(2);
    await expect(reader.upsertArticles([article(3)])).rejects.toSatisfy(
      failsWith('STORE_READONLY', /not writable/),
    );
    await Promise.all([reader.close(), writer.close()]);
    expect(() => openSqliteStore({ path: join(dir, 'missing.db'), readonly: true })).toThrow(
      expect.toSatisfy(failsWith('NOT_FOUND', /does not exist/)),
    );
  });

  it('refuses a read-only open of a file that needs migrating', async () => {
    const path = freshPath();
    makeV1File(path);
    expect(() => openSqliteStore({ path, readonly: true })).toThrow(
      expect.toSatisfy(failsWith('STORE_READONLY', /open it once without/)),
    );
  });

  it('says to create the directory when it is missing', () => {
    const path = join(dir, 'no-such-directory', 'news.db');
    expect(() => openSqliteStore({ path })).toThrow(
      expect.toSatisfy(failsWith('STORE_ERROR', /directory .* does not exist; create it first/)),
    );
  });

  it('reports a damaged row as STORE_CORRUPT instead of returning a wrong value', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    const a = article(1);
    await store.upsertArticles([a]);
    const raw = new Database(path);
    raw.prepare('UPDATE articles SET content = \'{"title": 42}\' WHERE id = ?').run(a.id);
    raw.close();
    await expect(store.getArticle(a.id)).rejects.toSatisfy(
      failsWith('STORE_CORRUPT', /articles .*title/),
    );
    // The message names the statement that removes the row, and it works.
    const error = await store.getArticle(a.id).catch((e: Error) => e);
    const statement = /SQLite: (DELETE FROM articles WHERE id = '[^']+')/.exec(String(error))?.[1];
    expect(statement).toBeDefined();
    const fixer = new Database(path);
    fixer.prepare(statement ?? '').run();
    fixer.close();
    expect(await store.getArticle(a.id)).toBeUndefined();
    await store.close();
  });

  it('uses the WAL journal', async () => {
    const path = freshPath();
    await openSqliteStore({ path }).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

/** A database file at schema v1, as an older @newsloom/store left it. */
function makeV1File(path: string): void {
  const raw = new Database(path);
  migrate(raw, path, { migrations: MIGRATIONS.slice(0, 1) });
  raw.close();
}

/** A new database file whose write lock another connection holds until the tests end. */
function lockedFreshPath(): string {
  const path = freshPath();
  const locker = new Database(path);
  locker.exec('BEGIN EXCLUSIVE');
  locker.prepare('CREATE TABLE held (x)').run();
  lockers.push(locker);
  return path;
}
const lockers: Database.Database[] = [];
afterAll(() => {
  for (const locker of lockers) locker.close();
});
