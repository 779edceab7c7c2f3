import { existsSync } from 'node:fs';
import { isNewsloomError } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { article } from '../conformance/builders';
import { createMemoryStore } from '../memory/create-memory-store';
import { exportArticlesCsv, exportArticlesJsonl } from './transfer';

// /dev/full answers every write with ENOSPC: a full disk without mounting anything.
describe.skipIf(!existsSync('/dev/full'))('export to a full disk', () => {
  it('is STORAGE_FULL naming the path, for CSV and JSONL', async () => {
    const store = createMemoryStore();
    const many = Array.from({ length: 3000 }, (_, i) => article(i, { text: 'x'.repeat(200) }));
    await store.upsertArticles(many);
    for (const exporter of [exportArticlesCsv, exportArticlesJsonl]) {
      await expect(exporter(store, '/dev/full')).rejects.toSatisfy(
        (error) =>
          isNewsloomError(error, 'STORAGE_FULL') && /\/dev\/full.*ENOSPC/.test(error.message),
      );
    }
    await store.close();
  });
});
