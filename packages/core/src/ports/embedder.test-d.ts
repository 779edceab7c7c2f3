import { describe, expectTypeOf, it } from 'vitest';
import type { Embedder } from '../index';

describe('Embedder port', () => {
  it('takes texts and gives one Float32Array each, synchronously, with a name and dimension', () => {
    expectTypeOf<Embedder['embed']>().parameters.toEqualTypeOf<[readonly string[]]>();
    expectTypeOf<Embedder['embed']>().returns.toEqualTypeOf<Float32Array[]>();
    expectTypeOf<Embedder['name']>().toEqualTypeOf<string>();
    expectTypeOf<Embedder['dimension']>().toEqualTypeOf<number>();
  });

  it('accepts a plain object and rejects an async embed', () => {
    const ok = {
      name: 'n',
      dimension: 1,
      embed: (t: readonly string[]) => t.map(() => new Float32Array(1)),
    };
    expectTypeOf(ok).toExtend<Embedder>();
    const async = { name: 'n', dimension: 1, embed: async () => [new Float32Array(1)] };
    expectTypeOf(async).not.toExtend<Embedder>();
  });
});
