import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  assignmentFromStories,
  bcubed,
  clusterCounts,
  pairwise,
} from '../index';

const labels = (pairs: Array<[string, string]>): Map<string, string> => new Map(pairs);
// Gold: {a b c} {d e}; predicted: {a b} {c d e}.
const gold = labels([
  ['a', 'x'],
  ['b', 'x'],
  ['c', 'x'],
  ['d', 'y'],
  ['e', 'y'],
]);
const predicted = labels([
  ['a', '1'],
  ['b', '1'],
  ['c', '2'],
  ['d', '2'],
  ['e', '2'],
]);

describe('clustering metrics', () => {
  it('computes B-cubed by hand-checked values', () => {
    // precision: a,b 1; c 1/3; d,e 2/3 → (2 + 1/3 + 4/3) / 5 = 11/15
    // recall: a,b 2/3; c 1/3; d,e 1 → (4/3 + 1/3 + 2) / 5 = 11/15
    const b = bcubed(predicted, gold);
    expect(b.precision).toBeCloseTo(11 / 15, 10);
    expect(b.recall).toBeCloseTo(11 / 15, 10);
    expect(b.f1).toBeCloseTo(11 / 15, 10);
  });

  it('computes pairwise precision and recall', () => {
    // predicted pairs: ab, cd, ce, de (4); gold pairs: ab, ac, bc, de (4); shared: ab, de
    const p = pairwise(predicted, gold);
    expect(p.precision).toBeCloseTo(0.5, 10);
    expect(p.recall).toBeCloseTo(0.5, 10);
  });

  it('computes the adjusted Rand index as scikit-learn does', () => {
    // sklearn.metrics.adjusted_rand_score([0,0,0,1,1], [0,0,1,1,1]) = 0.1666…
    expect(adjustedRandIndex(predicted, gold)).toBeCloseTo(1 / 6, 10);
    expect(adjustedRandIndex(gold, gold)).toBe(1);
  });

  it('counts clusters and treats unassigned items as singletons', () => {
    const partial = labels([
      ['a', '1'],
      ['b', '1'],
    ]);
    expect(clusterCounts(partial, gold)).toEqual({
      predicted: 4,
      gold: 2,
      predictedSingletons: 3,
      goldSingletons: 0,
    });
    expect(bcubed(partial, gold).precision).toBe(1);
  });

  it('builds an assignment from stories', () => {
    const assignment = assignmentFromStories([
      { id: 's-1' as never, articleIds: ['a' as never, 'b' as never] },
    ]);
    expect([...assignment]).toEqual([
      ['a', 's-1'],
      ['b', 's-1'],
    ]);
  });
});
