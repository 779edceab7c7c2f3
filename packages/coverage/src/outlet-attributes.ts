import {
  NewsloomError,
  type Outlet,
  type OutletAttribute,
  type OutletId,
  outletIdFromName,
} from '@newsloom/core';
import type { CoverageOutlet } from './types';
import { compareStrings } from './util';

/**
 * Options of {@link outletAttributesFromTable}.
 * @example
 * outletAttributesFromTable(rows, { outletColumn: 'name', attributes: ['lean'], sourceColumn: 'rater', asOfColumn: 'date' })
 */
export interface AttributeTableOptions {
  /** Column naming the outlet (an id or a display name, slugged like `outletIdFromName`). Default `outlet`. */
  outletColumn?: string;
  /** Columns that become attributes. Default: every other column except `sourceColumn`/`asOfColumn`. */
  attributes?: readonly string[];
  /** Who rated every row, e.g. `AllSides`. */
  source?: string;
  /** When every row was rated, e.g. `2021-08-14`. */
  asOf?: string;
  /** Column holding a per-row source (overrides `source`). */
  sourceColumn?: string;
  /** Column holding a per-row date (overrides `asOf`). */
  asOfColumn?: string;
}

/**
 * Turns a table the user gives (rows of a CSV, a spreadsheet, a JSON file) into attribute lists
 * per outlet id, with who rated them and when. Empty cells are skipped; identical entries kept
 * once. newsloom never supplies ratings itself.
 *
 * @example
 * const leans = outletAttributesFromTable(
 *   [{ outlet: 'Example Daily', lean: 'left' }, { outlet: 'Example Herald', lean: 'right' }],
 *   { source: 'the rater you cite', asOf: '2021-08-14' },
 * )
 * leans.get('example-herald') // [{ name: 'lean', value: 'right', source: 'the rater you cite', asOf: '2021-08-14' }]
 * @throws {NewsloomError} `INVALID_INPUT` when a row has no outlet.
 */
export function outletAttributesFromTable(
  rows: readonly Record<string, unknown>[],
  options: AttributeTableOptions = {},
): Map<OutletId, OutletAttribute[]> {
  const outletColumn = options.outletColumn ?? 'outlet';
  const skip = new Set([outletColumn, options.sourceColumn, options.asOfColumn]);
  const result = new Map<OutletId, OutletAttribute[]>();
  rows.forEach((row, index) => {
    const name = cell(row[outletColumn]);
    if (name === undefined) {
      throw new NewsloomError(
        'INVALID_INPUT',
        `outletAttributesFromTable: row ${index} has no "${outletColumn}" value`,
        {
          details: { row: index },
        },
      );
    }
    const id = outletIdFromName(name);
    const list = result.get(id) ?? [];
    const columns = options.attributes ?? Object.keys(row).filter((key) => !skip.has(key));
    for (const column of columns) {
      const value = cell(row[column]);
      if (value === undefined) continue;
      const attribute: OutletAttribute = { name: column, value };
      const source = options.sourceColumn ? cell(row[options.sourceColumn]) : options.source;
      const asOf = options.asOfColumn ? cell(row[options.asOfColumn]) : options.asOf;
      if (source !== undefined) attribute.source = source;
      if (asOf !== undefined) attribute.asOf = asOf;
      if (!list.some((a) => sameAttribute(a, attribute))) list.push(attribute);
    }
    result.set(id, list);
  });
  return result;
}

/**
 * Returns outlets with attributes added from {@link outletAttributesFromTable}. Outlets the
 * table names but the list lacks are created (`{ id, name: id }`) so ratings are never lost.
 * Output is sorted by outlet id.
 *
 * @example
 * const outlets = withOutletAttributes([], outletAttributesFromTable(rows, { source: 'AllSides' }))
 */
export function withOutletAttributes(
  outlets: readonly Outlet[],
  attributes: ReadonlyMap<OutletId, readonly OutletAttribute[]>,
): Outlet[] {
  const byId = new Map<OutletId, Outlet>(outlets.map((o) => [o.id, o]));
  for (const id of attributes.keys()) {
    if (!byId.has(id)) byId.set(id, { id, name: id, attributes: [], meta: {} });
  }
  return [...byId.values()]
    .map((outlet) => {
      const extra = attributes.get(outlet.id) ?? [];
      const merged = [...outlet.attributes];
      for (const a of extra) if (!merged.some((m) => sameAttribute(m, a))) merged.push(a);
      return { ...outlet, attributes: merged };
    })
    .sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * The value of attribute `name` of an outlet: among its ratings (only `source`'s when given), the
 * one with the latest `asOf` (undated ones are oldest); ties go to the smaller source, then value.
 *
 * @example
 * attributeValue({ id: 'x', attributes: [{ name: 'lean', value: 'left', source: 'AllSides' }] }, 'lean') // 'left'
 */
export function attributeValue(
  outlet: CoverageOutlet | undefined,
  name: string,
  source?: string,
): string | undefined {
  let best: OutletAttribute | undefined;
  for (const a of outlet?.attributes ?? []) {
    if (a.name !== name || (source !== undefined && a.source !== source)) continue;
    if (best === undefined || newer(a, best)) best = a;
  }
  return best?.value;
}

function newer(a: OutletAttribute, b: OutletAttribute): boolean {
  const byDate = compareStrings(a.asOf ?? '', b.asOf ?? '');
  if (byDate !== 0) return byDate > 0;
  const bySource = compareStrings(a.source ?? '', b.source ?? '');
  return bySource !== 0 ? bySource < 0 : compareStrings(a.value, b.value) < 0;
}

function sameAttribute(a: OutletAttribute, b: OutletAttribute): boolean {
  return a.name === b.name && a.value === b.value && a.source === b.source && a.asOf === b.asOf;
}

function cell(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
