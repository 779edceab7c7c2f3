import { describe, expect, it } from 'vitest';
import {
  cleanEntity,
  cosine,
  createTfIdfModel,
  extractEntities,
  hammingDistance,
  keyPhrases,
  minhash,
  minhashSimilarity,
  quickEntities,
  shingles,
  simhash,
  tokenize,
  topTerms,
} from './index';

describe('TF-IDF and vectors', () => {
  it('weighs rare terms above common ones and round-trips its snapshot', () => {
    const model = createTfIdfModel();
    model.addDocument(['jobless', 'claim']);
    model.addDocument(['claim', 'rise']);
    model.addDocument(['claim', 'fall']);
    const vector = model.vector(['jobless', 'claim']);
    expect(vector.get('jobless')).toBeGreaterThan(vector.get('claim') ?? 1);
    const copy = createTfIdfModel(JSON.parse(JSON.stringify(model.snapshot())));
    expect(copy.vector(['jobless', 'claim'])).toEqual(vector);
    expect(copy.documentFrequency('claim')).toBe(3);
  });
  it('prunes rare terms', () => {
    const model = createTfIdfModel();
    model.addDocument(['claim', 'typo']);
    model.addDocument(['claim']);
    expect(model.prune(2)).toBe(1);
    expect(model.documentFrequency('typo')).toBe(0);
    expect(model.documentFrequency('claim')).toBe(2);
  });
  it('computes cosine and top terms deterministically', () => {
    expect(cosine(new Map([['a', 1]]), new Map([['a', 5]]))).toBeCloseTo(1);
    expect(cosine(new Map(), new Map([['a', 5]]))).toBe(0);
    expect(
      topTerms(
        new Map([
          ['b', 1],
          ['a', 1],
          ['c', 2],
        ]),
        2,
      ),
    ).toEqual([
      ['c', 2],
      ['a', 1],
    ]);
  });
});

describe('near-duplicate hashes', () => {
  const a =
    'Weekly jobless claims fell to 385,000 last week, the lowest level since the pandemic began';
  const b =
    'Weekly jobless claims fell to 385,000 last week, the lowest level since the pandemic began, officials said';
  const c = 'The Supreme Court heard arguments on a Mississippi abortion law on Wednesday morning';
  it('SimHash puts near copies few bits apart', () => {
    const [ha, hb, hc] = [a, b, c].map((t) => simhash(shingles(tokenize(t))));
    expect(ha).toMatch(/^[0-9a-f]{16}$/);
    expect(hammingDistance(ha ?? '', hb ?? '')).toBeLessThan(hammingDistance(ha ?? '', hc ?? ''));
  });
  it('MinHash estimates Jaccard', () => {
    const sa = minhash(shingles(tokenize(a), 2), 128);
    const sc = minhash(shingles(tokenize(c), 2), 128);
    expect(minhashSimilarity(sa, sa)).toBe(1);
    expect(minhashSimilarity(sa, minhash(shingles(tokenize(b), 2), 128))).toBeGreaterThan(0.6);
    expect(minhashSimilarity(sa, sc)).toBeLessThan(0.2);
  });
});

describe('entities and key phrases', () => {
  it('extracts cleaned entities with compromise', () => {
    const entities = extractEntities("President Joe Biden's team met Angela Merkel in New York.");
    expect(entities.people).toContain('Joe Biden');
    expect(entities.places).toContain('New York');
    expect(cleanEntity("Sen. Ted Cruz's,")).toBe('Ted Cruz');
  });
  it('finds capitalised runs quickly', () => {
    expect(quickEntities('On Thursday, Joe Biden met Angela Merkel in New York.')).toEqual([
      'thursday',
      'joe_biden',
      'angela_merkel',
      'new_york',
    ]);
  });
  it('skips sentence starts, drops possessives and breaks runs at punctuation', () => {
    expect(
      quickEntities('“We will win,” said Nancy Pelosi’s aide. Officials in Paris, France agreed.'),
    ).toEqual(['nancy_pelosi', 'paris', 'france']);
    expect(quickEntities('')).toEqual([]);
  });
  it('ranks multi-word key phrases first', () => {
    const phrases = keyPhrases(
      'Weekly jobless claims hit a pandemic low, the Labor Department said.',
      2,
    );
    expect(phrases.map((p) => p.phrase)).toEqual(['weekly jobless claims hit', 'labor department']);
  });
});
