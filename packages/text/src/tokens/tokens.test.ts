import { describe, expect, it } from 'vitest';
import { contentTerms, isStopword, STOPWORDS, stem, tokenize } from '../index';

describe('tokenize', () => {
  it('lower-cases, keeps abbreviations and decimals, drops possessives', () => {
    expect(tokenize("The U.S. economy's 3.5% growth, don't panic!")).toEqual([
      'the',
      'u.s',
      'economy',
      '3.5',
      'growth',
      "don't",
      'panic',
    ]);
  });
  it('returns nothing for punctuation only', () => {
    expect(tokenize(' -- !! ')).toEqual([]);
  });
});

describe('stem and stop words', () => {
  it('stems with Porter', () => {
    expect(stem('claims')).toBe('claim');
    expect(stem('running')).toBe('run');
  });
  it('knows stop words', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('said')).toBe(true);
    expect(isStopword('jobless')).toBe(false);
    expect(STOPWORDS.size).toBeGreaterThan(100);
  });
  it('derives content terms', () => {
    expect(contentTerms('Jobless claims are rising in the U.S.')).toEqual([
      'jobless',
      'claim',
      'rise',
      'u.s',
    ]);
  });
});
