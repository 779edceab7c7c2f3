import type { GroupShare, OutletId } from '@newsloom/core';
import { attributeValue } from './outlet-attributes';
import type { CoverageOutlet } from './types';
import { compareStrings, round6 } from './util';

/** Shares of one story per group (indices of `knownGroups`), and how many families were rated. */
export interface ShareVector {
  shares: Float64Array;
  ratedFamilies: number;
}

/**
 * Splits stories by one outlet attribute. Each rated outlet family that covered a story weighs
 * 1, split evenly over the distinct values of its covering outlets (siblings usually share one);
 * a group's share is its weight over the number of rated families. Unrated outlets are left out.
 */
export class AttributeSplitter {
  private readonly valueIndex = new Map<OutletId, number>();
  /** Every value some outlet has, sorted. */
  readonly knownGroups: string[];

  constructor(
    readonly attribute: string,
    outlets: ReadonlyMap<OutletId, CoverageOutlet>,
    source: string | undefined,
  ) {
    const values = new Map<OutletId, string>();
    for (const [id, outlet] of outlets) {
      const value = attributeValue(outlet, attribute, source);
      if (value !== undefined) values.set(id, value);
    }
    this.knownGroups = [...new Set(values.values())].sort(compareStrings);
    const position = new Map(this.knownGroups.map((g, i) => [g, i]));
    for (const [id, value] of values) this.valueIndex.set(id, position.get(value) as number);
  }

  /** Shares per group of the outlets (with their families, parallel arrays) covering one story. */
  shares(outletIds: readonly OutletId[], families: readonly string[]): ShareVector {
    const shares = new Float64Array(this.knownGroups.length);
    const values = outletIds.map((id) => this.valueIndex.get(id) ?? -1);
    let rated = 0;
    for (let i = 0; i < outletIds.length; i += 1) {
      if (families.indexOf(families[i] as string) !== i) continue; // family already counted
      const distinct: number[] = [];
      for (let k = i; k < outletIds.length; k += 1) {
        const v = values[k] as number;
        if (v >= 0 && families[k] === families[i] && !distinct.includes(v)) distinct.push(v);
      }
      if (distinct.length === 0) continue;
      rated += 1;
      for (const v of distinct) shares[v] = (shares[v] as number) + 1 / distinct.length;
    }
    if (rated > 0)
      for (let g = 0; g < shares.length; g += 1) shares[g] = round6((shares[g] as number) / rated);
    return { shares, ratedFamilies: rated };
  }

  /** Group entries, share descending then group name; absent groups listed with share 0. */
  groups(outletIds: readonly OutletId[], vector: ShareVector): GroupShare[] {
    const groups = this.knownGroups.map((group, g) => ({
      attribute: this.attribute,
      group,
      share: vector.shares[g] as number,
      outletIds: outletIds.filter((id) => this.valueIndex.get(id) === g),
    }));
    return groups.sort((a, b) => b.share - a.share || compareStrings(a.group, b.group));
  }

  /** Index of the group with the largest share (smallest name on ties), or -1. */
  static dominant(vector: ShareVector, knownGroups: readonly string[]): number {
    let best = -1;
    vector.shares.forEach((share, g) => {
      if (best < 0 || share > (vector.shares[best] as number)) best = g;
      else if (
        share === vector.shares[best] &&
        compareStrings(knownGroups[g] as string, knownGroups[best] as string) < 0
      )
        best = g;
    });
    return best;
  }
}
