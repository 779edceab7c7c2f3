import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isNewsloomError } from '@newsloom/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { article, story } from '../conformance/builders';
import { pipelineState } from '../conformance/pipeline-suite';
import { MIGRATIONS, migrate } from './migrations';
import { openSqliteStore } from './open-sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => {
  files += 1;
  return join(dir, `file-${files}.db`);
};

describe('SQLite ingest sequence and pipeline state', () => {
  it('gives the articles of a v2 database their insertion order as sequence when migrating', async () => {
    const path = freshPath();
    const raw = new Database(path);
    migrate(raw, path, { migrations: MIGRATIONS.slice(0, 2) });
    const insert = raw.prepare(
      'INSERT INTO articles (id, canonical_url, outlet_id, published_at, content) VALUES (?, ?, ?, ?, ?)',
    );
    const old = [article(9), article(2)];
    for (const a of old)
      insert.run(a.id, a.canonicalUrl, a.outletId, a.publishedAt, JSON.stringify(a));
    raw.close();
    const store = openSqliteStore({ path });
    expect(await store.latestSequence()).toBe(2);
    await store.upsertArticles([article(5)]);
    const all = await store.readArticlesAfter(0, 10);
    expect(all.articles.map((a) => a.id)).toEqual(
      [article(9), article(2), article(5)].map((a) => a.id),
    );
    expect(all.lastSequence).toBe(3);
    await store.close();
  });

  it('rejects the commit of a second connection that read the same revision', async () => {
    const path = freshPath();
    const first = openSqliteStore({ path });
    const second = openSqliteStore({ path });
    const read = [await first.loadPipelineState(), await second.loadPipelineState()];
    expect(read).toEqual([undefined, undefined]);
    await first.commitClusterRun({
      stories: [story('s1', [article(1)])],
      state: pipelineState(0, 1),
      expectedRevision: undefined,
    });
    const stale = second.commitClusterRun({
      stories: [story('s2', [article(1)])],
      state: pipelineState(0, 1),
      expectedRevision: undefined,
    });
    await expect(stale).rejects.toSatisfy(
      (e) => isNewsloomError(e, 'STATE_CONFLICT') && /reload the state and retry/.test(e.message),
    );
    expect((await second.getStories()).map((s) => s.id)).toEqual(['s1']);
    await first.close();
    await second.close();
  });

  it('reports a damaged state row as STORE_CORRUPT naming the store and the fix', async () => {
    const path = freshPath();
    const store = openSqliteStore({ path });
    await store.commitClusterRun({
      stories: [],
      state: pipelineState(0, 1),
      expectedRevision: undefined,
    });
    const raw = new Database(path);
    raw.prepare(`UPDATE pipeline_state SET doc = '{"schemaVersion":7}'`).run();
    raw.close();
    await expect(store.loadPipelineState()).rejects.toSatisfy(
      (e) =>
        isNewsloomError(e, 'STORE_CORRUPT') &&
        e.message.includes(path) &&
        /restore the database from a backup/.test(e.message),
    );
    await store.close();
  });
});
