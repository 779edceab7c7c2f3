import { describe, expect, it } from 'vitest';
import { csvField } from './csv-field';

describe('csvField', () => {
  it('quotes only fields that need it, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('-3')).toBe('-3');
  });

  it('guards spreadsheet formulas only when asked', () => {
    expect(csvField('=SUM(A1)', { guardFormulas: true })).toBe("'=SUM(A1)");
    expect(csvField('@x,y', { guardFormulas: true })).toBe(`"'@x,y"`);
    expect(csvField('=SUM(A1)')).toBe('=SUM(A1)');
  });
});
