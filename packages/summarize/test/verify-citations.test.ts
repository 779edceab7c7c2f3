import type { StorySummary } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { summarizeStory, verifyCitations } from '../src/index';
import { transitArticles, transitStory } from './fixtures/transit-story';

const articles = transitArticles();
const summary = summarizeStory(transitStory(articles), articles);

/** The summary with its first sentence's text replaced. */
function withFirstSentence(text: string, citations?: number[]): StorySummary {
  const [first, ...rest] = summary.sections;
  const [sentence, ...others] = first?.sentences ?? [];
  if (!first || !sentence) throw new Error('fixture summary is empty');
  const changed = { ...sentence, text, citations: citations ?? sentence.citations };
  return { ...summary, sections: [{ ...first, sentences: [changed, ...others] }, ...rest] };
}

describe('verifyCitations', () => {
  it('passes every citation of an extractive summary', () => {
    const report = verifyCitations(summary, articles);
    expect(report.citedSentences).toBe(report.sentenceCount);
    expect(report.supportRate).toBe(1);
  });

  it('flags a sentence whose figures its sources do not contain', () => {
    const report = verifyCitations(
      withFirstSentence(
        'The Springfield city council approved a $95 million transit budget on Tuesday.',
      ),
      articles,
    );
    expect(report.ok).toBe(false);
    expect(report.sentences[0]?.supported).toBe(false);
    expect(report.sentences[0]?.citations[0]?.score).toBeLessThanOrEqual(0.5);
  });

  it('flags content no cited article contains, uncited sentences and unknown source numbers', () => {
    expect(
      verifyCitations(
        withFirstSentence('Astronomers discovered a comet orbiting Jupiter last month.'),
        articles,
      ).ok,
    ).toBe(false);
    const uncited = verifyCitations(
      withFirstSentence(summary.sections[0]?.sentences[0]?.text ?? '', []),
      articles,
    );
    expect(uncited.citedSentences).toBe(uncited.sentenceCount - 1);
    const unknown = verifyCitations(
      withFirstSentence(summary.sections[0]?.sentences[0]?.text ?? '', [99]),
      articles,
    );
    expect(unknown.sentences[0]?.citations[0]).toMatchObject({
      articleId: undefined,
      supported: false,
    });
  });
});
