import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Diagnostic } from '@newsloom/core';
import { afterAll, describe, expect, it } from 'vitest';
import { article, collect, minute } from './builders';
import { type CreateStore, useStore } from './context';

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

/** Full-text search, export to JSONL and CSV, import from JSONL. */
export function describeSearchAndTransfer(create: CreateStore): void {
  describe('full-text search', () => {
    const store = useStore(create);

    it('finds articles containing every word, in any field, ignoring case and accents, newest first', async () => {
      const a = article(1, { title: 'Café reopens downtown' });
      const b = article(2, { summary: 'The CAFE owner spoke about downtown rents.' });
      const c = article(3, { text: 'A long text about a cafe, but not the city centre.' });
      await store().upsertArticles([a, b, c]);
      expect(ids(await store().searchArticles('cafe downtown'))).toEqual([b.id, a.id]);
      expect(ids(await store().searchArticles('CAFÉ'))).toEqual([c.id, b.id, a.id]);
      expect(ids(await store().searchArticles('cafe', { limit: 1 }))).toEqual([c.id]);
      expect(await store().searchArticles('  ')).toEqual([]);
      expect(await store().searchArticles('"unbalanced AND (')).toEqual([]);
    });

    it('searches the latest version of an updated article', async () => {
      const a = article(1, { title: 'Storm warning issued' });
      await store().upsertArticles([a]);
      await store().upsertArticles([{ ...a, title: 'Flood warning issued' }]);
      expect(await store().searchArticles('storm')).toEqual([]);
      expect(ids(await store().searchArticles('flood warning'))).toEqual([a.id]);
    });
  });

  describe('export and import', () => {
    const store = useStore(create);
    const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-conformance-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('round-trips articles through JSONL, and a second import adds nothing', async () => {
      const all = Array.from({ length: 30 }, (_, i) => article(i, { text: `Text ${i}` }));
      await store().upsertArticles(all);
      const path = join(dir, 'round-trip.jsonl');
      expect(await store().exportJsonl(path, { since: minute(10) })).toBe(20);
      const copy = await create();
      try {
        const first = await copy.importJsonl(path, { batchSize: 7 });
        expect(first).toEqual({
          inserted: 20,
          updated: 0,
          unchanged: 0,
          skipped: 0,
          duplicateUrls: 0,
          batches: 3,
        });
        expect(await collect(copy.queryArticles())).toEqual(all.slice(10));
        const again = await copy.importJsonl(path);
        expect(again).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 20,
          skipped: 0,
          duplicateUrls: 0,
          batches: 1,
        });
      } finally {
        await copy.close();
      }
    });

    it('skips bad JSONL lines with a diagnostic naming the line', async () => {
      const path = join(dir, 'bad.jsonl');
      const good = { url: 'https://a.example/1', title: 'Fine', publishedAt: minute(1) };
      writeFileSync(
        path,
        `${JSON.stringify(good)}\nnot json\n${JSON.stringify({ url: 'https://a.example/2' })}\n`,
      );
      const diagnostics: Diagnostic[] = [];
      const result = await store().importJsonl(path, { onDiagnostic: (d) => diagnostics.push(d) });
      expect(result).toMatchObject({ inserted: 1, skipped: 2 });
      expect(diagnostics.map((d) => d.location?.line)).toEqual([2, 3]);
    });

    it('exports CSV with a header and quoted fields', async () => {
      const a = article(1, { title: 'Quote "this", please', authors: ['Ann', 'Bo'] });
      await store().upsertArticles([a, article(2)]);
      const path = join(dir, 'articles.csv');
      expect(await store().exportCsv(path)).toBe(2);
      const lines = readFileSync(path, 'utf8').split('\r\n');
      expect(lines[0]).toBe(
        'id,storyId,url,canonicalUrl,outletId,outletName,feedId,title,summary,publishedAt,updatedAt,fetchedAt,language,authors,categories,contentHash',
      );
      expect(lines[1]).toContain('"Quote ""this"", please"');
      expect(lines[1]).toContain(',Ann; Bo,');
      expect(lines).toHaveLength(4);
    });
  });
}
