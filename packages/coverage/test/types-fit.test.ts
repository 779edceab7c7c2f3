import type { Article, CoverageReport, Outlet, Story } from '@newsloom/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { analyzeCoverage, type CoverageInput } from '../src/index';

describe('input types', () => {
  it('accept the core model’s Article, Story and Outlet as they are', () => {
    const articles: Article[] = [];
    const stories: Story[] = [];
    const outlets: Outlet[] = [];
    const input: CoverageInput = { articles, stories, outlets };
    expectTypeOf(analyzeCoverage(input)).toEqualTypeOf<CoverageReport>();
    expect(analyzeCoverage(input).matrix).toEqual([]);
  });
});
