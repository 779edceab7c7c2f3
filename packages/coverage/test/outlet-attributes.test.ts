import type { Outlet } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { attributeValue, outletAttributesFromTable, withOutletAttributes } from '../src/index';

describe('outlet attributes from a user table', () => {
  const rows = [
    {
      outlet: 'CNN (Online News)',
      lean: 'left',
      country: 'US',
      rater: 'AllSides',
      date: '2021-08-14',
    },
    { outlet: 'Fox News', lean: 'right', country: 'US', rater: 'AllSides', date: '2021-08-14' },
    { outlet: 'Fox News', lean: 'lean right', country: '', rater: 'Other', date: '2023-01-01' },
  ];

  it('keeps who rated each value and when, and skips empty cells', () => {
    const table = outletAttributesFromTable(rows, { sourceColumn: 'rater', asOfColumn: 'date' });
    expect(table.get('cnn-online-news' as never)).toEqual([
      { name: 'lean', value: 'left', source: 'AllSides', asOf: '2021-08-14' },
      { name: 'country', value: 'US', source: 'AllSides', asOf: '2021-08-14' },
    ]);
    expect(table.get('fox-news' as never)).toHaveLength(3);
  });

  it('merges into outlets, creating missing ones, and resolves the latest rating', () => {
    const existing: Outlet = {
      id: 'fox-news' as never,
      name: 'Fox News',
      group: 'fox',
      attributes: [],
      meta: {},
    };
    const merged = withOutletAttributes(
      [existing],
      outletAttributesFromTable(rows, { sourceColumn: 'rater', asOfColumn: 'date' }),
    );
    expect(merged.map((o) => o.id)).toEqual(['cnn-online-news', 'fox-news']);
    const fox = merged[1];
    expect(fox?.group).toBe('fox');
    expect(attributeValue(fox, 'lean')).toBe('lean right');
    expect(attributeValue(fox, 'lean', 'AllSides')).toBe('right');
    expect(attributeValue(fox, 'ownership')).toBeUndefined();
  });

  it('uses one source and date for the whole table when given', () => {
    const table = outletAttributesFromTable([{ name: 'BBC News', lean: 'center' }], {
      outletColumn: 'name',
      source: 'ExampleRater',
      asOf: '2024-01-01',
    });
    expect(table.get('bbc-news' as never)).toEqual([
      { name: 'lean', value: 'center', source: 'ExampleRater', asOf: '2024-01-01' },
    ]);
  });

  it('throws INVALID_INPUT for a row without an outlet', () => {
    expect(() => outletAttributesFromTable([{ lean: 'left' }])).toThrow(/row 0 has no "outlet"/);
  });
});
