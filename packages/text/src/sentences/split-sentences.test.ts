import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences';

const texts = (input: string): string[] => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps exact spans', () => {
    const input = '  The vote passed. Critics objected!  Will it last? ';
    const sentences = splitSentences(input);
    expect(sentences.map((s) => s.text)).toEqual([
      'The vote passed.',
      'Critics objected!',
      'Will it last?',
    ]);
    for (const s of sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after titles, initials or month abbreviations', () => {
    expect(
      texts(
        'Mr. Smith met Gen. Milley and John F. Kennedy Jr. on Jan. 5 in St. Louis. Then he left.',
      ),
    ).toEqual([
      'Mr. Smith met Gen. Milley and John F. Kennedy Jr. on Jan. 5 in St. Louis.',
      'Then he left.',
    ]);
  });

  it('keeps decimals, money, URLs and version numbers inside a sentence', () => {
    expect(
      texts('Inflation rose 3.5% to $4.2 billion, per bls.gov data. Node.js 20.1 shipped.'),
    ).toEqual(['Inflation rose 3.5% to $4.2 billion, per bls.gov data.', 'Node.js 20.1 shipped.']);
  });

  it('treats U.S. as an abbreviation unless the next word starts a sentence', () => {
    expect(texts('The U.S. Army left. Troops stayed in the U.S. The move was new.')).toEqual([
      'The U.S. Army left.',
      'Troops stayed in the U.S.',
      'The move was new.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split before a lowercase word', () => {
    expect(
      texts('"We will win." She smiled. "Stop!" he said. He said \u201cno.\u201d Then he left.'),
    ).toEqual([
      '"We will win."',
      'She smiled.',
      '"Stop!" he said.',
      'He said \u201cno.\u201d',
      'Then he left.',
    ]);
  });

  it('handles ellipses, numbered items and blank lines', () => {
    expect(texts('He paused... Then spoke. It was No. 1 in sales\n\nA new paragraph')).toEqual([
      'He paused...',
      'Then spoke.',
      'It was No. 1 in sales',
      'A new paragraph',
    ]);
  });

  it('breaks at a new line that starts like a sentence, not inside a wrapped one', () => {
    expect(texts('Rates rose today\nBy Jane Doe, Reuters\nThe bank said\nit would wait.')).toEqual([
      'Rates rose today',
      'By Jane Doe, Reuters',
      'The bank said\nit would wait.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n ')).toEqual([]);
  });

  it('returns ordered, non-overlapping, trimmed spans equal to their text for any input', () => {
    const pieces = fc.constantFrom(
      'Mr.',
      'U.S.',
      'He said',
      '"Yes."',
      '3.5',
      'no',
      '?',
      '!',
      '…',
      '\n',
      '\n\n',
      ' ',
      'A',
      'b.',
      'It rained.',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const input = parts.join(' ');
        let last = 0;
        for (const s of splitSentences(input)) {
          expect(input.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
