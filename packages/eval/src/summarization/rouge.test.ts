import { describe, expect, it } from 'vitest';
import { firstWords, rouge, rougeTokens } from './rouge';

describe('rouge', () => {
  it("matches rouge_score's published example", () => {
    const s = rouge(
      'The quick brown dog jumps on the log.',
      'The quick brown fox jumps over the lazy dog',
    );
    expect(s.rouge1.f).toBeCloseTo(0.7059, 4);
    expect(s.rouge1.precision).toBeCloseTo(0.75, 4);
    expect(s.rougeL.f).toBeCloseTo(0.5882, 4);
  });

  it('tokenises like rouge_score: lower case, alphanumeric, stems only tokens longer than 3', () => {
    expect(rougeTokens("The U.S. dogs' jumps, 3.5%!")).toEqual([
      'the',
      'u',
      's',
      'dog',
      'jump',
      '3',
      '5',
    ]);
    expect(rougeTokens('was running')).toEqual(['was', 'run']);
  });

  it('scores bigrams and empty inputs', () => {
    expect(rouge('a b c', 'a b c').rouge2.f).toBe(1);
    expect(rouge('', 'a b').rouge1.f).toBe(0);
    expect(rouge('c b a', 'a b c').rouge2.f).toBe(0);
  });

  it('cuts a summary to a word budget', () => {
    expect(firstWords('  one two\nthree four ', 3)).toBe('one two three');
  });
});
