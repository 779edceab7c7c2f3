import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../model/diagnostic';
import { readJsonl } from './read-jsonl';
import { firstInvalidByte } from './split-lines';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readJsonl and invalid UTF-8', () => {
  it('reports invalid UTF-8 with the line and byte offset, and keeps the record', async () => {
    const path = join(dir, 'latin1.jsonl');
    const first = Buffer.from('{"t":"ok"}\n', 'utf8');
    const second = Buffer.concat([
      Buffer.from('{"t":"caf', 'utf8'),
      Buffer.from([0xe9]), // Latin-1 é: not UTF-8
      Buffer.from('"}\n{"t":"é"}\n', 'utf8'),
    ]);
    writeFileSync(path, Buffer.concat([first, second]));
    const diagnostics: Diagnostic[] = [];
    const records: unknown[] = [];
    for await (const r of readJsonl(path, { onDiagnostic: (d) => diagnostics.push(d) })) {
      records.push(r);
    }
    expect(records).toEqual([{ t: 'ok' }, { t: 'caf\uFFFD' }, { t: 'é' }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'JSONL_INVALID_UTF8',
      location: { line: 2, offset: first.length + 9 },
    });
    expect(diagnostics[0]?.message).toMatch(/line 2 has invalid UTF-8 at byte offset 20/);
  });

  it('finds the first invalid byte of a line', () => {
    expect(firstInvalidByte(Buffer.from('abc'))).toBe(3);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc3, 0xa9, 0xff]))).toBe(3);
    expect(firstInvalidByte(Buffer.from([0xe2, 0x82]))).toBe(0);
  });
});
