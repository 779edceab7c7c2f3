import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupNearDuplicates,
  nearDuplicate,
  SIGNATURE_SIZE,
  writeSignature,
} from '../src/fingerprint';
import { parseIsoTime } from '../src/window';

const WIRE =
  'The central bank raised its main interest rate by a quarter point on Wednesday, the third ' +
  'increase this year, saying inflation remained too high and that further moves were possible ' +
  'if prices kept rising faster than wages over the coming months.';

function signatures(bodies: string[]): { sigs: Uint32Array; has: Uint8Array } {
  const sigs = new Uint32Array(bodies.length * SIGNATURE_SIZE);
  const has = Uint8Array.from(bodies, (body, i) =>
    writeSignature(body, sigs, i * SIGNATURE_SIZE) ? 1 : 0,
  );
  return { sigs, has };
}

describe('near-duplicate fingerprint', () => {
  it('joins reprints with a dateline or different case, not different reporting', () => {
    const { sigs, has } = signatures([
      WIRE,
      `LONDON (Reuters) — ${WIRE.toUpperCase()}`,
      'Borrowers face higher mortgage costs after the rate decision, brokers warned, with first-time buyers hit hardest.',
      '',
    ]);
    expect(has).toEqual(Uint8Array.from([1, 1, 1, 0]));
    expect(nearDuplicate(sigs, 0, 1)).toBe(true);
    expect(nearDuplicate(sigs, 0, 2)).toBe(false);
    expect([...groupNearDuplicates([0, 1, 2, 3], sigs, has)]).toEqual([0, 0, 2, 3]);
  });

  it('groups large stories through bands the same way', () => {
    const bodies = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0 ? WIRE : `Local report number ${i} on the ${i}th street fair`,
    );
    const { sigs, has } = signatures(bodies);
    const roots = groupNearDuplicates(
      bodies.map((_, i) => i),
      sigs,
      has,
    );
    expect(new Set(Array.from(roots).filter((_, i) => i % 2 === 0))).toEqual(new Set([0]));
    expect(Array.from(roots).filter((r, i) => i % 2 === 1 && r !== i)).toEqual([]);
  });
});

describe('parseIsoTime', () => {
  it('agrees with Date.parse on canonical and other ISO strings', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString();
          expect(parseIsoTime(iso)).toBe(Date.parse(iso));
          expect(parseIsoTime(iso.replace('.000Z', 'Z'))).toBe(
            Date.parse(iso.replace('.000Z', 'Z')),
          );
        },
      ),
    );
    expect(parseIsoTime('2024-02-30T00:00:00.000Z')).toBe(Date.parse('2024-02-30T00:00:00.000Z'));
    expect(parseIsoTime('2024-1x-01T00:00:00.000Z')).toBeNaN();
  });
});
