import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined, whatever the insertion order', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: undefined, x: 'q' }], c: null }, u: undefined };
    expect(canonicalJson(value)).toBe('{"a":{"c":null,"d":[3,{"x":"q","z":1}]},"b":1}');
  });

  it('orders integer-like keys as strings, as SQLite and the other engines compare text', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 'c' })).toBe('{"10":"a","9":"b","x":"c"}');
    expect(canonicalJson({ 10: [1], 9: [2] })).toBe('{"10":[1],"9":[2]}');
  });

  it('writes undefined, functions and symbols in arrays as null, and function values as null', () => {
    expect(canonicalJson([undefined, () => 1, Symbol('s'), 2])).toBe('[null,null,null,2]');
    expect(
      canonicalJson({
        b: () => 1,
        a: [
          [1, 'x'],
          [2, 'y'],
        ],
      }),
    ).toBe('{"a":[[1,"x"],[2,"y"]],"b":null}');
  });

  it('gives the same text for records built in different orders (a large one too)', () => {
    const entries = Array.from({ length: 500 }, (_, n) => [`s-${(n * 7919) % 1000}`, `k${n}`]);
    const forward = Object.fromEntries(entries);
    const backward = Object.fromEntries([...entries].reverse());
    expect(canonicalJson({ meta: forward })).toBe(canonicalJson({ meta: backward }));
    const keys = Object.keys(JSON.parse(canonicalJson(backward)) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('writes top-level scalars as JSON and undefined as null', () => {
    expect([canonicalJson('a"b'), canonicalJson(1.5), canonicalJson(undefined)]).toEqual([
      '"a\\"b"',
      '1.5',
      'null',
    ]);
  });
});
