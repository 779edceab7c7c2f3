import type { GroupShare, OutletId } from '@newsloom/core';
import { attributeValue } from './outlet-attributes';
import type { CoverageOutlet } from './types';
import { compareStrings, round6 } from './util';

/** A story's coverage split by one outlet attribute. */
export interface AttributeSplit {
  attribute: string;
  /** Every known group of the attribute, the story's absent groups with share 0; share descending, then group. */
  groups: GroupShare[];
  /** Outlet families with a rating that covered the story. */
  ratedFamilies: number;
}

/** Resolves attribute values per outlet once, and splits stories by them. */
export class AttributeSplitter {
  private readonly values = new Map<OutletId, string | undefined>();
  /** Every value some outlet has, sorted. */
  readonly knownGroups: string[];

  constructor(
    readonly attribute: string,
    outlets: ReadonlyMap<OutletId, CoverageOutlet>,
    source: string | undefined,
  ) {
    const known = new Set<string>();
    for (const [id, outlet] of outlets) {
      const value = attributeValue(outlet, attribute, source);
      this.values.set(id, value);
      if (value !== undefined) known.add(value);
    }
    this.knownGroups = [...known].sort(compareStrings);
  }

  /**
   * Shares of a story's rated outlet families per group. Each rated family weighs 1, split
   * evenly over the distinct values of its covering outlets (siblings usually share one).
   */
  split(outletIds: readonly OutletId[], families: readonly string[]): AttributeSplit {
    const familyValues = new Map<string, Set<string>>();
    const outletsByGroup = new Map<string, OutletId[]>(this.knownGroups.map((g) => [g, []]));
    outletIds.forEach((outletId, i) => {
      const value = this.values.get(outletId);
      if (value === undefined) return;
      outletsByGroup.get(value)?.push(outletId);
      const family = families[i] as string;
      const set = familyValues.get(family) ?? new Set<string>();
      set.add(value);
      familyValues.set(family, set);
    });
    const weight = new Map<string, number>();
    for (const set of familyValues.values()) {
      for (const value of set) weight.set(value, (weight.get(value) ?? 0) + 1 / set.size);
    }
    const rated = familyValues.size;
    const groups = this.knownGroups.map((group) => ({
      attribute: this.attribute,
      group,
      share: rated === 0 ? 0 : round6((weight.get(group) ?? 0) / rated),
      outletIds: outletsByGroup.get(group) ?? [],
    }));
    groups.sort((a, b) => b.share - a.share || compareStrings(a.group, b.group));
    return { attribute: this.attribute, groups, ratedFamilies: rated };
  }
}
