import { makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { clauseCuts } from '../src/compress';
import { buildConsensus, expectedF1, wordForms } from '../src/consensus';
import { headlineProblems, summarizeStory } from '../src/index';

const outlets = [
  makeArticle({
    outlet: 'outlet-a',
    title: 'Senate passes $1 trillion infrastructure bill in bipartisan vote',
    summary:
      'The Senate passed a $1 trillion infrastructure bill on Tuesday with support from both parties.',
  }),
  makeArticle({
    outlet: 'outlet-b',
    title: 'Senate passes infrastructure bill, sending it to the House',
    summary:
      'The $1 trillion infrastructure bill passed the Senate 69-30 and now goes to the House.',
  }),
  makeArticle({
    outlet: 'outlet-c',
    title: 'Gleeful Democrats cheer reckless spending spree as Senate caves',
    summary: 'Senate Democrats celebrated after the chamber approved the infrastructure bill.',
  }),
];

describe('word-level consensus', () => {
  const consensus = buildConsensus(outlets, [0, 1, 2]);

  it('expects words other outlets share to be in the neutral headline, framing words not', () => {
    const shared = expectedF1(wordForms('Senate passes infrastructure bill'), 2, false, consensus);
    const framing = expectedF1(
      wordForms('Gleeful Democrats cheer spending spree'),
      2,
      false,
      consensus,
    );
    expect(shared).toBeGreaterThan(framing);
  });

  it('prefers the shorter of two candidates that carry the same supported words', () => {
    const short = expectedF1(wordForms('Senate passes infrastructure bill'), 0, false, consensus);
    const long = expectedF1(
      wordForms('Senate passes infrastructure bill after long and winding process'),
      0,
      false,
      consensus,
    );
    expect(short).toBeGreaterThan(long);
  });

  it('scores a single article by its own lead: title words its lead repeats count', () => {
    const solo = buildConsensus([outlets[0] as (typeof outlets)[number]], [0]);
    const inLead = expectedF1(wordForms('Senate passes infrastructure bill'), 0, false, solo);
    const notInLead = expectedF1(wordForms('Lawmakers cheer historic vote'), 0, false, solo);
    expect(inLead).toBeGreaterThan(notInLead);
  });
});

describe('clause cuts', () => {
  it('cuts a main clause before a trailing participle clause or preposition', () => {
    const cuts = clauseCuts('Senate passes infrastructure bill, sending it to the House');
    expect(cuts).toContain('Senate passes infrastructure bill');
  });

  it('never cuts inside a list of modifiers or before a verb complement', () => {
    expect(clauseCuts('COVID-19 Survivors Have Broad, Longer-Term Immunity')).toEqual([]);
    expect(clauseCuts('Donald Trump has long claimed that the vote was rigged')).not.toContain(
      'Donald Trump has long claimed',
    );
  });
});

describe('generated headline', () => {
  it('states the facts the outlets share, without one outlet framing', () => {
    const summary = summarizeStory(makeStory(outlets), outlets);
    expect(summary.headline).toMatch(/^Senate Passes .*Infrastructure Bill/u);
    expect(summary.headline).not.toMatch(/Gleeful|Cheer|Caves|Reckless/u);
    expect(headlineProblems(summary.headline, [])).toEqual([]);
  });
});
