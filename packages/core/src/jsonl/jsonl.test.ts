import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../article/parse-article';
import type { Diagnostic } from '../model/diagnostic';
import { readJsonl } from './read-jsonl';
import { createJsonlWriter, stringifyJsonl } from './write-jsonl';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe('readJsonl', () => {
  it('reports bad lines with line number and field, and goes on reading', async () => {
    const path = join(dir, 'mixed.jsonl');
    const good = { url: 'https://a.com/1', title: 'One', publishedAt: '2021-01-01T00:00:00Z' };
    writeFileSync(
      path,
      [
        JSON.stringify(good),
        '{not json',
        '',
        JSON.stringify({ ...good, title: '' }),
        JSON.stringify({ ...good, url: 'https://a.com/2' }),
      ].join('\r\n'),
    );
    const diagnostics: Diagnostic[] = [];
    const articles = await collect(
      readJsonl(path, { parse: parseArticle, onDiagnostic: (d) => diagnostics.push(d) }),
    );
    expect(articles.map((a) => a.url)).toEqual(['https://a.com/1', 'https://a.com/2']);
    expect(diagnostics.map((d) => d.location)).toEqual([{ line: 2 }, { line: 4, field: 'title' }]);
    expect(diagnostics[0]?.message).toMatch(/line 2 is not valid JSON/);
    expect(diagnostics[1]?.message).toMatch(/line 4: Invalid article: title/);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"t":"“quoted” €"}\n{"t":"é"}');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.slice(i, i + 3);
    }
    expect(await collect(readJsonl(chunks()))).toEqual([{ t: '“quoted” €' }, { t: 'é' }]);
  });

  it('throws NOT_FOUND for a missing file', async () => {
    await expect(collect(readJsonl(join(dir, 'missing.jsonl')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('round-trips through the writer', async () => {
    const path = join(dir, 'out.jsonl');
    const writer = createJsonlWriter(path);
    for (let i = 0; i < 1000; i += 1) await writer.write({ i, s: 'x'.repeat(i % 50) });
    await writer.close();
    const back = await collect(readJsonl<{ i: number }>(path));
    expect(back.length).toBe(1000);
    expect(back[999]?.i).toBe(999);
    expect(stringifyJsonl([{ a: 1 }, { a: 2 }])).toBe('{"a":1}\n{"a":2}\n');
  });
});
