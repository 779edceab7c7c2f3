import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  convertWinkEmbeddings,
  createWordVectorEmbedder,
  decodeWordVectors,
  encodeWordVectors,
  wordVectorEmbedder,
} from '../src/index';

// A tiny table in wink's JSON shape (vector, L2 norm, index), written for this test.
const wink = {
  dimensions: 3,
  words: ['the', ',', 'senate', 'chamber', 'chip', 'grammys', 'Capital', '2021'],
  vectors: {
    the: [1, 1, 1, 1.7, 0],
    ',': [1, 0, 0, 1, 1],
    senate: [0.9, 0.1, 0, 0.9, 2],
    chamber: [0.8, 0.2, 0, 0.8, 3],
    chip: [0.1, 0.9, 0, 0.9, 4],
    grammys: [0, 0, 1, 1, 5],
    Capital: [1, 0, 0, 1, 6],
    '2021': [0, 1, 0, 1, 7],
  },
};
const cos = (a: Float32Array, b: Float32Array): number => {
  let d = 0;
  let x = 0;
  let y = 0;
  a.forEach((v, i) => {
    const w = b[i] as number;
    d += v * w;
    x += v * v;
    y += w * w;
  });
  return d / Math.sqrt(x * y);
};
const dir = mkdtempSync(join(tmpdir(), 'embed-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('word vectors', () => {
  const table = convertWinkEmbeddings(wink, { name: 'tiny' });

  it('keeps lower-case words in frequency order, quantised to int8 within 1%', () => {
    expect(table.words).toEqual(['the', 'senate', 'chamber', 'chip', 'grammys']);
    expect(table.name).toBe('tiny-5');
    const senate = [0, 1, 2].map(
      (d) => (table.vectors[3 + d] as number) * (table.scales[1] as number),
    );
    for (const [d, v] of senate.entries())
      expect(v).toBeCloseTo(wink.vectors.senate[d] as number, 2);
  });

  it('round-trips through the binary format', () => {
    const back = decodeWordVectors(encodeWordVectors(table));
    expect(back.words).toEqual(table.words);
    expect([...back.vectors]).toEqual([...table.vectors]);
    expect([...back.scales]).toEqual([...table.scales]);
  });

  it('embeds texts as weighted word vectors: related words close, others apart, nothing → zeros', () => {
    const embedder = createWordVectorEmbedder(table);
    const [a, b, c, none] = embedder.embed(['The Senate', 'the chamber', 'Grammys', 'the ,']);
    expect(embedder.dimension).toBe(3);
    expect(cos(a as Float32Array, b as Float32Array)).toBeGreaterThan(0.95);
    expect(cos(a as Float32Array, c as Float32Array)).toBeLessThan(0.1);
    expect([...(none as Float32Array)]).toEqual([0, 0, 0]);
  });

  it('loads a file lazily and names a missing or wrong file with the fix', () => {
    const path = join(dir, 'tiny.bin');
    writeFileSync(path, encodeWordVectors(table));
    expect(wordVectorEmbedder(path).embed(['senate'])[0]).toHaveLength(3);
    const missing = wordVectorEmbedder(join(dir, 'nope.bin'));
    expect(() => missing.embed(['x'])).toThrow(/could not be read.*convert/);
    writeFileSync(join(dir, 'bad.bin'), 'not vectors');
    expect(() => wordVectorEmbedder(join(dir, 'bad.bin')).embed(['x'])).toThrow(
      /not a newsloom word-vector file/,
    );
    expect(() => convertWinkEmbeddings({} as never)).toThrow(/wink embeddings JSON/);
  });
});
