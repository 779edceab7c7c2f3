import { describe, expect, it } from 'vitest';
import {
  createTermModel,
  createTfIdfModel,
  createTokenRun,
  dot,
  EntityLexicon,
  hash32,
  isStopword,
  norm,
  quickEntities,
  simhashTokenHashes,
  simhashTokens,
  stem,
  TermTable,
  TermVocabulary,
  TOKEN_HASH_SEED,
  TokenLexicon,
  termDot,
  termNorm,
  termTopPositions,
  tokenize,
  topTerms,
} from '../index';
import { CharKeyTable } from './char-table';

const TEXTS = [
  "The U.S. economy's 3.5% growth, don't panic! Jobless claims fell to 385,000 last week.",
  'Weekly jobless claims rose; economists’ forecasts missed. Claims, claims and more claims.',
  'Zürich’s ÉCOLE reopens — 1,000 students return after the İstanbul summit; café prices rise.',
  "Senate passes chips bill as chip subsidies clear upper chamber's vote, 64-33",
  'Ukraine war: Grammys, Pablo Escobar’s hippos and a Cash App breach',
  // Lower cases that depend on neighbours or change length: final sigma, İ late in a text,
  // letters outside the BMP (a surrogate pair) and an emoji.
  'ΟΔΥΣΣΕΥΣ ΣΑΣ sails on; ΆΛΦΑ Ωmega, ÀÉÎÕÜ Ÿ ǅ and 𐐀𐐁 with 😀 — then İzmir',
  // Only Latin-1 and General Punctuation (lower-cased character by character in one pass).
  'Ça\u00a0va: NAÏVE “ROCK’N’ROLL” FANS’ café — 3,5 µs… ÆSIR ß ÿ ÞORN ×÷ ª º ½',
];

describe('TokenLexicon', () => {
  it('gives the tokens, stems, stop words and hashes that tokenize, stem and hash32 give', () => {
    const vocabulary = new TermVocabulary();
    const lexicon = new TokenLexicon(vocabulary);
    const run = createTokenRun();
    for (const text of [...TEXTS, ...TEXTS, 'x '.repeat(300)]) {
      const tokens = tokenize(text);
      expect(lexicon.scan(text, run)).toBe(tokens.length);
      tokens.forEach((token, k) => {
        const term = run.terms[k] as number;
        expect(term < 0 ? null : vocabulary.term(term)).toBe(
          isStopword(token) ? null : stem(token),
        );
        expect(run.hashes[k]).toBe(hash32(token, TOKEN_HASH_SEED) | 0);
      });
      const terms = run.terms.slice(0, 5);
      const hashes = run.hashes.slice(0, 5);
      expect(lexicon.scan(text, run, 5)).toBe(Math.min(5, tokens.length));
      expect(run.terms.slice(0, run.length)).toEqual(terms.slice(0, run.length));
      expect(run.hashes.slice(0, run.length)).toEqual(hashes.slice(0, run.length));
    }
  });
  it('starts over when the vocabulary releases ids', () => {
    const vocabulary = new TermVocabulary();
    const lexicon = new TokenLexicon(vocabulary);
    const run = createTokenRun();
    lexicon.scan('claims rise', run);
    vocabulary.release(run.terms[0] as number);
    lexicon.scan('claims rise', run);
    expect(vocabulary.term(run.terms[0] as number)).toBe('claim');
    expect(vocabulary.term(run.terms[1] as number)).toBe('rise');
  });
  it('makes each SimHash bit the majority vote of the shingle hashes', () => {
    // Shingles of one token: the shingle hashes of [a], [b], [c] alone are the votes.
    const one = (...hashes: number[]) =>
      simhashTokenHashes(Int32Array.from(hashes), hashes.length, 1);
    const [a, b, c] = [one(0x1234567), one(-0x7654321), one(0x0badf00d)];
    const majority = (k: 0 | 1) =>
      (((a[k] & b[k]) | (a[k] & c[k]) | (b[k] & c[k])) >>> 0) as number;
    expect(one(0x1234567, -0x7654321, 0x0badf00d)).toEqual([majority(0), majority(1)]);
    // A tie is not a majority: two votes keep only the bits both set.
    expect(one(0x1234567, -0x7654321)).toEqual([(a[0] & b[0]) >>> 0, (a[1] & b[1]) >>> 0]);
    // Many votes (counts past a few bits): 40 for a, 39 for b.
    const many = [...Array(40).fill(0x1234567), ...Array(39).fill(-0x7654321)];
    expect(one(...many)).toEqual(a);
    expect(one(...many, -0x7654321, -0x7654321)).toEqual(b);
  });
  it('feeds simhashTokenHashes the hashes simhashTokens makes', () => {
    const lexicon = new TokenLexicon(new TermVocabulary());
    const run = createTokenRun();
    for (const text of TEXTS) {
      lexicon.scan(text, run);
      expect(simhashTokenHashes(run.hashes, run.length, 3)).toEqual(
        simhashTokens(tokenize(text), 3),
      );
    }
  });
});

describe('createTermModel', () => {
  const docs = TEXTS.map((t) =>
    tokenize(t)
      .filter((w) => !isStopword(w))
      .map(stem),
  );
  it('weighs exactly as createTfIdfModel, and round-trips the same snapshot', () => {
    const strings = createTfIdfModel();
    const ids = createTermModel();
    const v = ids.vocabulary;
    for (const doc of docs) {
      const expected = strings.addDocument(doc);
      const got = ids.addDocument(doc.map((t) => v.id(t)));
      expect(got.ids.map((id) => v.term(id))).toEqual([...expected.keys()]);
      expect(got.weights).toEqual([...expected.values()]);
      const title = doc.slice(0, 3);
      expect(ids.vector(title.map((t) => v.id(t))).weights).toEqual([
        ...strings.vector(title).values(),
      ]);
    }
    expect(ids.snapshot()).toEqual(strings.snapshot());
    const copy = createTermModel(JSON.parse(JSON.stringify(ids.snapshot())));
    expect(copy.snapshot()).toEqual(strings.snapshot());
    expect(copy.documentFrequency(copy.vocabulary.find('claim'))).toBe(
      strings.documentFrequency('claim'),
    );
  });
  it('prunes rare terms, releasing their ids unless kept', () => {
    const model = createTermModel();
    const v = model.vocabulary;
    const claim = v.id('claim');
    const typo = v.id('typo');
    const kept = v.id('kept');
    model.addDocument([claim, typo, kept]);
    model.addDocument([claim]);
    expect(model.prune(2, (id) => id === kept)).toBe(2);
    expect(v.find('typo')).toBe(-1);
    expect(v.find('kept')).toBe(kept);
    expect(model.documentFrequency(kept)).toBe(0);
    expect(model.documentFrequency(claim)).toBe(2);
    expect(model.snapshot().documentFrequencies).toEqual([['claim', 2]]);
  });
  it('rejects a malformed snapshot', () => {
    expect(() =>
      createTermModel({ documentCount: 1, documentFrequencies: [['a', Number.NaN]] }),
    ).toThrow(/frequency/);
  });
});

describe('CharKeyTable', () => {
  it('finds every key it holds, short or long, when hashes collide and after it grows', () => {
    const table = new CharKeyTable(1 << 20);
    const keyOf = (k: number): Uint16Array =>
      Uint16Array.from(`${'ab'.repeat(k % 7)}${k}é`, (c) => c.charCodeAt(0));
    // Only 64 distinct hashes for 5,000 keys of 2 to 17 characters: most probes must compare.
    for (let k = 0; k < 5000; k++) {
      const key = keyOf(k);
      expect(table.find(k % 64, key, key.length)).toBe(-1);
      table.add(k % 64, key, key.length, k);
    }
    for (let k = 0; k < 5000; k++) {
      const key = keyOf(k);
      expect(table.value(table.find(k % 64, key, key.length))).toBe(k);
      expect(table.find(k % 64, key, key.length - 1)).toBe(-1);
    }
  });
});

describe('TermTable', () => {
  it('holds values set since the last clear, for ids past its first size too', () => {
    const table = new TermTable();
    expect(table.has(0)).toBe(false);
    table.set(3, 0.25);
    table.set(5000, -2);
    expect([table.has(3), table.get(3), table.has(5000), table.get(5000)]).toEqual([
      true,
      0.25,
      true,
      -2,
    ]);
    expect(table.has(4)).toBe(false);
    table.clear();
    expect(table.has(3) || table.has(5000)).toBe(false);
    table.set(3, 1);
    expect(table.get(3)).toBe(1);
  });
});

describe('term vectors', () => {
  it('sum dot products and norms in the order maps do, and rank top terms alike', () => {
    const v = new TermVocabulary();
    const model = createTfIdfModel();
    const maps = TEXTS.map((t) => model.addDocument(tokenize(t).map(stem)));
    const vectors = maps.map((m) => ({
      ids: [...m.keys()].map((t) => v.id(t)),
      weights: [...m.values()],
    }));
    for (let i = 0; i < maps.length; i++) {
      const a = vectors[i] as (typeof vectors)[number];
      expect(termNorm(a)).toBe(norm(maps[i] as Map<string, number>));
      expect(termTopPositions(a, 4, v).map((p) => v.term(a.ids[p] as number))).toEqual(
        topTerms(maps[i] as Map<string, number>, 4).map(([t]) => t),
      );
      for (let j = 0; j < maps.length; j++) {
        const b = vectors[j] as (typeof vectors)[number];
        expect(termDot(a, b)).toBe(
          dot(maps[i] as Map<string, number>, maps[j] as Map<string, number>),
        );
      }
    }
  });
});

describe('EntityLexicon', () => {
  it('gives the ids of the entities quickEntities finds, in order', () => {
    const texts = [
      ...TEXTS,
      'On Thursday, Joe Biden met Angela Merkel in New York. The White House said Mr. Biden’s aides agreed.',
      'Officials in São Paulo and ÖSTERREICH met Emmanuel Macron; İstanbul’s Mayor Ekrem İmamoğlu spoke (AP).',
      'After The Talks, Xi Jinping’s envoy and U.S. Trade Representative Katherine Tai met in Geneva, Switzerland.',
    ];
    const vocabulary = new TermVocabulary();
    const lexicon = new EntityLexicon(vocabulary);
    for (const text of [...texts, ...texts]) {
      expect(lexicon.ids(text).map((id) => vocabulary.term(id))).toEqual(quickEntities(text));
      // Cut anywhere, mid-word and mid-name included, as if the text ended there.
      for (const end of [0, 9, 16, 20, 27, 40, 53, 200]) {
        expect(lexicon.ids(text, end)).toEqual(lexicon.ids(text.slice(0, end)));
      }
    }
    const id = vocabulary.find('joe_biden');
    vocabulary.release(id);
    expect(lexicon.ids('Then Joe Biden left.').map((i) => vocabulary.term(i))).toEqual([
      'joe_biden',
    ]);
  });
});
