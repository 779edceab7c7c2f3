import { article } from '@newsloom/store/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPostgresStore, openPostgresStore } from '../src/index';
import { dropSchema, freshSchemaName, testUrl } from './postgres-env';

const url = testUrl ?? '';
const schema = freshSchemaName('c');
afterAll(async () => {
  if (testUrl !== undefined) await dropSchema(schema);
});

describe.skipIf(testUrl === undefined)('concurrent writers on one PostgreSQL store', () => {
  it('assigns ingest sequences in commit order: a reader following them misses nothing', async () => {
    const writers = await Promise.all([1, 2, 3].map(() => openPostgresStore({ url, schema })));
    const reader = connectPostgresStore({ url, schema });
    const seen = new Set<string>();
    let watermark = 0;
    let writing = true;
    const follow = (async () => {
      while (writing || watermark < (await reader.latestSequence())) {
        const page = await reader.readArticlesAfter(watermark, 50);
        for (const a of page.articles) seen.add(a.id);
        watermark = page.lastSequence;
      }
    })();
    await Promise.all(
      writers.map(async (store, w) => {
        for (let batch = 0; batch < 15; batch += 1) {
          const ids = Array.from({ length: 10 }, (_, i) => 10_000 * (w + 1) + batch * 10 + i);
          await store.upsertArticles(ids.map((n) => article(n)));
        }
      }),
    );
    writing = false;
    await follow;
    expect(seen.size).toBe(450);
    expect(await reader.latestSequence()).toBe(450);
    await Promise.all([...writers, reader].map((store) => store.close()));
  });
});
