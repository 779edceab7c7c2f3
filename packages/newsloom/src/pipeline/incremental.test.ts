import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleStore } from '@newsloom/core';
import { createMemoryStore, openSqliteStore } from '@newsloom/store';
import { createFixedClock } from '@newsloom/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS, FOLLOW_UP } from '../../test/corpus';
import { createPipeline } from './create-pipeline';
import type { ArticleRecord } from './ingest';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-incremental-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = () => createFixedClock('2024-03-08T00:00:00Z');

/** A store that fails the test if a stage streams the archive. */
function noScans(store: ArticleStore): ArticleStore & { scans: number } {
  const watched = Object.create(store) as ArticleStore & { scans: number };
  watched.scans = 0;
  watched.queryArticles = (query) => {
    watched.scans += 1;
    return store.queryArticles(query);
  };
  return watched;
}

describe('the incremental pipeline', () => {
  it('clusters and summarises without streaming the archive', async () => {
    const store = noScans(createMemoryStore());
    const pipeline = createPipeline({ store, clock: clock() });
    await pipeline.ingestArticles(CORPUS);
    await pipeline.cluster();
    await pipeline.summarize();
    await pipeline.ingestArticles([FOLLOW_UP]);
    const second = await pipeline.cluster();
    expect(second.newArticles).toBe(1);
    expect((await pipeline.summarize()).summarized).toBe(1);
    expect(store.scans).toBe(0);
    expect(await pipeline.summarize()).toMatchObject({ summarized: 0, unchanged: 0 });
    await pipeline.close();
  });

  it('quarantines a future-dated and a 1900-dated article, reports them and keeps clustering', async () => {
    const pipeline = createPipeline({ store: createMemoryStore(), clock: clock() });
    const future = {
      ...(CORPUS[0] as ArticleRecord),
      url: 'https://alpha.example/future',
      publishedAt: '2999-06-01T00:00:00Z',
    };
    const ancient = {
      ...(CORPUS[1] as ArticleRecord),
      url: 'https://beta.example/ancient',
      publishedAt: '1900-01-01T00:00:00Z',
    };
    await pipeline.ingestArticles([future, ancient, ...CORPUS]);
    const first = await pipeline.cluster();
    expect(first.quarantined.map((q) => q.reason).sort()).toEqual(['before-epoch', 'future']);
    expect(first.activeStories).toBe(2);
    await pipeline.ingestArticles([FOLLOW_UP]);
    const second = await pipeline.cluster();
    expect(second.touchedStoryIds).toHaveLength(1);
    const listed = await pipeline.listQuarantined();
    expect(listed).toHaveLength(2);
    expect(listed.find((q) => q.reason === 'future')?.detail).toMatch(/2999-06-01/);
    await pipeline.close();
  });

  it('places an article more than the active window behind the stream in a story of late articles, unless already in a story', async () => {
    const store = createMemoryStore();
    const pipeline = createPipeline({ store, clock: clock(), cluster: { activeWindowHours: 24 } });
    await pipeline.ingestArticles(CORPUS);
    await pipeline.cluster();
    const late = {
      ...(CORPUS[0] as ArticleRecord),
      url: 'https://alpha.example/late',
      publishedAt: '2024-03-01T00:00:00Z',
    };
    const edited = {
      ...(CORPUS[4] as ArticleRecord),
      title: 'Central bank holds rates (corrected)',
    };
    await pipeline.ingestArticles([late, edited]);
    const run = await pipeline.cluster();
    expect(run.newArticles).toBe(2);
    expect(run.quarantined).toEqual([]);
    const stories = await store.getStories();
    const all = stories.flatMap((s) => s.articleIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(6);
    const lateId = (await store.getArticlesByIds([]))
      .concat(
        await collect(
          store.queryArticles({ since: '2024-03-01T00:00:00Z', until: '2024-03-02T00:00:00Z' }),
        ),
      )
      .map((a) => a.id);
    expect(lateId).toHaveLength(1);
    expect(stories.find((s) => s.articleIds.includes(lateId[0] as never))?.articleIds).toHaveLength(
      1,
    );
    await pipeline.close();
  });

  it('migrates a matching <db>.state.json sidecar once and renames it .migrated', async () => {
    const databasePath = join(dir, 'sidecar.db');
    // What an older version left: articles and stories in the database, the state beside it.
    const memory = createMemoryStore();
    const first = createPipeline({ store: memory, clock: clock() });
    await first.ingestArticles(CORPUS);
    const before = await first.cluster();
    const stories = await memory.getStories();
    const snapshot = await memory.loadPipelineState();
    const old = openSqliteStore({ path: databasePath });
    await old.upsertArticles(await memory.getArticlesByIds(stories.flatMap((s) => s.articleIds)));
    await old.upsertStories(stories);
    await old.close();
    await first.close();
    const sidecar = `${databasePath}.state.json`;
    const ids = stories.flatMap((s) => s.articleIds);
    writeFileSync(
      sidecar,
      JSON.stringify({
        version: 1,
        clusterer: snapshot?.clusterer,
        clusteredArticleIds: ids,
        storyIds: stories.map((s) => s.id),
      }),
    );
    writeFileSync(`${sidecar}.4242.tmp`, 'partial');
    const second = createPipeline({ databasePath, clock: clock() });
    await second.ingestArticles([FOLLOW_UP]);
    const run = await second.cluster();
    expect(run.newArticles).toBe(1);
    expect(run.touchedStoryIds).toHaveLength(1);
    expect(before.activeStories).toBe(2);
    expect(existsSync(sidecar)).toBe(false);
    expect(existsSync(`${sidecar}.migrated`)).toBe(true);
    expect(existsSync(`${sidecar}.4242.tmp`)).toBe(false);
    expect((await second.cluster()).newArticles).toBe(0);
    await second.close();
  });

  it('starts afresh when the sidecar is newer than a database restored from a backup', async () => {
    const databasePath = join(dir, 'restored.db');
    const sidecar = `${databasePath}.state.json`;
    // The sidecar knows a story and an article this database does not hold.
    const newer = {
      version: 1,
      clusterer: {},
      clusteredArticleIds: ['gone'],
      storyIds: ['s-gone'],
    };
    writeFileSync(sidecar, JSON.stringify(newer));
    const pipeline = createPipeline({ databasePath, clock: clock() });
    await pipeline.ingestArticles(CORPUS);
    const run = await pipeline.cluster();
    expect(run.newArticles).toBe(5);
    expect(run.activeStories).toBe(2);
    expect(existsSync(`${sidecar}.migrated`)).toBe(true);
    await pipeline.close();
  });

  it('names the sidecar and the fix when it is not a pipeline state', async () => {
    const databasePath = join(dir, 'bad-sidecar.db');
    writeFileSync(`${databasePath}.state.json`, '{"version":1,"clusterer":{}}');
    const pipeline = createPipeline({ databasePath, clock: clock() });
    await pipeline.ingestArticles(CORPUS);
    await expect(pipeline.cluster()).rejects.toThrow(
      /bad-sidecar\.db\.state\.json is not a newsloom pipeline state.*move it aside/,
    );
    await pipeline.close();
  });

  it('lets two pipelines on one database cluster at once with every article in exactly one story', async () => {
    const databasePath = join(dir, 'two.db');
    const a = createPipeline({ databasePath, clock: clock() });
    const b = createPipeline({ databasePath, clock: clock() });
    await a.ingestArticles(CORPUS);
    const [ra, rb] = await Promise.all([a.run({ fetch: false }), b.run({ fetch: false })]);
    expect(ra.cluster.newArticles + rb.cluster.newArticles).toBeGreaterThanOrEqual(5);
    const stories = await a.store.getStories();
    const all = stories.flatMap((s) => s.articleIds);
    expect(all.sort()).toEqual([...new Set(all)].sort());
    expect(all).toHaveLength(5);
    await a.close();
    await b.close();
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
