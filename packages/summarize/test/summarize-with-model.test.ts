import { isNewsloomError, StorySummarySchema, type Summarizer } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { summarizeWithModel, verifyCitations } from '../src/index';
import { transitArticles, transitStory } from './fixtures/transit-story';

const articles = transitArticles();
const story = transitStory(articles);
const [ap, local, metro] = articles.map((a) => a.id);

/** A fake model: returns a canned draft and records what it was asked. */
function fakeModel(draft: unknown): Summarizer & { calls: number } {
  const model = {
    name: 'fake-llm',
    calls: 0,
    summarize: async () => {
      model.calls += 1;
      return draft;
    },
  };
  return model;
}

describe('summarizeWithModel', () => {
  it('keeps supported model sentences and recomputes their citations', async () => {
    const model = fakeModel({
      headline: 'Springfield approves transit expansion',
      sections: [
        {
          heading: 'Budget vote',
          sentences: [
            {
              text: 'Springfield council approved a $42 million transit budget in a 7-2 vote.',
              citations: [local],
            },
          ],
        },
      ],
    });
    const summary = await summarizeWithModel(story, articles, model);
    expect(model.calls).toBe(1);
    expect(StorySummarySchema.parse(summary)).toEqual(summary);
    expect(summary.method).toBe('fake-llm');
    expect(summary.headline).toBe('Springfield Approves Transit Expansion');
    expect(summary.replacedSentences).toBe(0);
    const sentence = summary.sections[0]?.sentences[0];
    expect(sentence?.provenance.method).toBe('model');
    expect(sentence?.provenance.articleId).toBe(local);
    expect(summary.sources[0]?.articleId).toBe(local);
    expect(verifyCitations(summary, articles).ok).toBe(true);
  });

  it('replaces or drops sentences no article supports, and counts them', async () => {
    const model = fakeModel({
      headline: 'Will Springfield buses ever run on time?',
      sections: [
        {
          heading: 'Opposition',
          sentences: [
            {
              text: 'Council member Tom Avery resigned in protest and moved to Canada.',
              citations: [metro],
            },
            { text: 'The budget was approved 7-2 on Tuesday.', citations: [ap] },
          ],
        },
      ],
    });
    const summary = await summarizeWithModel(story, articles, model);
    expect(summary.replacedSentences).toBe(1);
    const texts = summary.sections.flatMap((s) => s.sentences.map((x) => x.text));
    expect(texts.join(' ')).not.toContain('Canada');
    expect(summary.headline).not.toContain('?');
    expect(verifyCitations(summary, articles).ok).toBe(true);
  });

  it('rejects output that is not a valid draft with MODEL_OUTPUT_INVALID', async () => {
    const error = await summarizeWithModel(
      story,
      articles,
      fakeModel({ headline: '', sections: [] }),
    ).catch((e: unknown) => e);
    expect(isNewsloomError(error, 'MODEL_OUTPUT_INVALID')).toBe(true);
  });

  it('wraps a failing summariser in a NewsloomError', async () => {
    const failing: Summarizer = {
      name: 'down',
      summarize: () => {
        throw new Error('model unavailable');
      },
    };
    await expect(summarizeWithModel(story, articles, failing)).rejects.toThrow(
      /down.*model unavailable/,
    );
  });
});

describe('summarizeWithModel fallback', () => {
  it('returns the extractive summary when no model sentence is supported', async () => {
    const model = {
      name: 'hallucinating-llm',
      summarize: () => ({
        headline: 'Moon base opens',
        sections: [
          {
            heading: 'Space',
            sentences: [
              { text: 'Astronauts opened a lunar greenhouse on Mars yesterday.', citations: [] },
            ],
          },
        ],
      }),
    };
    const summary = await summarizeWithModel(story, articles, model);
    expect(summary.replacedSentences).toBe(1);
    expect(summary.sections.length).toBeGreaterThan(0);
    expect(summary.method).toBe('hallucinating-llm');
    expect(summary.headline).toBe(
      'The Springfield City Council Approved a $42 Million Transit Budget',
    );
    expect(verifyCitations(summary, articles).ok).toBe(true);
  });
});
