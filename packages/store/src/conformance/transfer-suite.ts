import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Diagnostic } from '@newsloom/core';
import { afterAll, describe, expect, it } from 'vitest';
import { exportArticlesCsv, exportArticlesJsonl } from '../shared/transfer';
import { article, collect, story } from './builders';
import { type CreateStore, useStore } from './context';

/** The one article CSV format with story ids, JSONL with story ids, and import counts. */
export function describeTransfer(create: CreateStore): void {
  describe('article export and import', () => {
    const store = useStore(create);
    const dir = mkdtempSync(join(tmpdir(), 'newsloom-transfer-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes each article’s story id in the CSV and guards formulas when asked', async () => {
      const [a, b] = [article(1, { title: '=HYPERLINK("x")' }), article(2)];
      await store().upsertArticles([a, b]);
      await store().upsertStories([story('s1', [a])]);
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (chunk: Buffer) => chunks.push(chunk));
      expect(await exportArticlesCsv(store(), out, { guardFormulas: true })).toBe(2);
      const lines = Buffer.concat(chunks).toString('utf8').split('\r\n');
      expect(lines[1]?.startsWith(`${a.id},s1,`)).toBe(true);
      expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
      expect(lines[2]?.startsWith(`${b.id},,`)).toBe(true);
    });

    it('exports JSONL with story ids that a second store imports back', async () => {
      const [a, b] = [article(1), article(2)];
      await store().upsertArticles([a, b]);
      await store().upsertStories([story('s1', [a, b])]);
      const path = join(dir, 'with-stories.jsonl');
      expect(await exportArticlesJsonl(store(), path)).toBe(2);
      const first = JSON.parse(readFileSync(path, 'utf8').split('\n')[0] ?? '{}');
      expect(first.storyId).toBe('s1');
      const copy = await create();
      try {
        expect(await copy.importJsonl(path)).toMatchObject({ inserted: 2, skipped: 0 });
        expect(await collect(copy.queryArticles())).toEqual([a, b]);
      } finally {
        await copy.close();
      }
    });

    it('counts a repeated canonical URL in one import as a skipped duplicate, not unchanged', async () => {
      const path = join(dir, 'duplicates.jsonl');
      const base = {
        url: 'https://a.example/same',
        title: 'Same',
        publishedAt: '2024-01-01T00:00:00Z',
      };
      const lines = Array.from({ length: 50 }, (_, i) =>
        JSON.stringify({ ...base, id: `copy-${i}`, outlet: 'A' }),
      );
      writeFileSync(path, `${lines.join('\n')}\n`);
      const diagnostics: Diagnostic[] = [];
      const result = await store().importJsonl(path, { onDiagnostic: (d) => diagnostics.push(d) });
      expect(result).toMatchObject({ inserted: 1, unchanged: 0, duplicateUrls: 49, skipped: 0 });
      expect(diagnostics[0]?.message).toMatch(/duplicate URL, skipped/);
    });

    it('registers unknown outlets and applies defaults when asked', async () => {
      const path = join(dir, 'outlets.jsonl');
      const line = {
        url: 'https://b.example/1',
        outlet: 'Bee News',
        title: 'T',
        publishedAt: '2024-01-01T00:00:00Z',
      };
      writeFileSync(path, `${JSON.stringify(line)}\n`);
      await store().importJsonl(path, {
        registerOutlets: true,
        defaults: { fetchedAt: '2024-01-02T00:00:00Z' },
      });
      expect((await store().listOutlets()).map((o) => o.name)).toEqual(['Bee News']);
      const [stored] = await collect(store().queryArticles());
      expect(stored?.fetchedAt).toBe('2024-01-02T00:00:00.000Z');
    });
  });
}
