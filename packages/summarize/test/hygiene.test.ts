import { describe, expect, it } from 'vitest';
import { rejectReason, stripDateline } from '../src/hygiene';

describe('sentence hygiene', () => {
  it('strips wire datelines and keeps the sentence', () => {
    for (const line of [
      'WASHINGTON (AP) — Congress passed the spending bill late on Friday night.',
      'LONDON, Jan 5 (Reuters) - The pound fell to its lowest level in two years.',
      'KYIV, Ukraine (CNN) — Air raid sirens sounded across the capital overnight.',
      'NEW YORK — Stocks rose sharply on Wall Street after the jobs report.',
      'Washington — Congress passed the spending bill late on Friday night.',
    ]) {
      const rest = line.slice(stripDateline(line));
      expect(rest).toMatch(/^(Congress|The pound|Air raid|Stocks)/);
    }
    expect(stripDateline('The U.S. Senate voted on Friday to pass the bill.')).toBe(0);
  });

  it.each([
    ['By Maria Lopez and John Chen, Reuters staff writers', 'boilerplate'],
    ['Photo: A firefighter walks past burning trees in the valley.', 'boilerplate'],
    ['Sign up for our morning newsletter to get the latest updates.', 'boilerplate'],
    ['What does the new rule mean for your retirement savings?', 'question'],
    ['The senator said the vote would happen next week, but…', 'truncated'],
    ['The senator said the vote would happen next week, but...', 'truncated'],
    ['He said the vote would happen next week after the recess.', 'orphan-pronoun'],
    ['“We will not back down,” the senator told supporters on Sunday', 'no-terminator'],
    ['The senator said the vote would happen next week.', undefined],
    [
      'The ruling matters, and this is important because of what happened next.',
      'context-dependent',
    ],
    ['As noted above, the council had rejected the plan twice before.', 'context-dependent'],
    ['The mayor listed three reasons for the delay in her statement:', 'context-dependent'],
  ])('rejects boilerplate, questions, truncations and orphan pronouns: %s → %s', (line, reason) => {
    expect(rejectReason(line)).toBe(reason);
  });
});
