import { NewsloomError, StorySummarySchema } from '@newsloom/core';
import { makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { headlineProblems, summarizeStory, verifyCitations } from '../src/index';
import { transitArticles, transitStory } from './fixtures/transit-story';

const allSentences = (summary: ReturnType<typeof summarizeStory>) =>
  summary.sections.flatMap((s) => s.sentences);

describe('summarizeStory', () => {
  const articles = transitArticles();
  const story = transitStory(articles);
  const summary = summarizeStory(story, articles);

  it('returns a valid StorySummary with a neutral, suffix-free headline', () => {
    expect(StorySummarySchema.parse(summary)).toEqual(summary);
    expect(summary.headline).toBe(
      'The Springfield City Council Approved a $42 Million Transit Budget',
    );
    expect(headlineProblems(summary.headline, ['AP News', 'Metro Times'])).toEqual([]);
    expect(summary.articleCount).toBe(4);
    expect(summary.updatedAt).toBe(story.updatedAt);
  });

  it('writes 2–5 titled sections of 1–4 sentences', () => {
    expect(summary.sections.length).toBeGreaterThanOrEqual(2);
    expect(summary.sections.length).toBeLessThanOrEqual(5);
    for (const section of summary.sections) {
      expect(section.heading.split(' ').length).toBeLessThanOrEqual(9);
      expect(section.sentences.length).toBeGreaterThanOrEqual(1);
      expect(section.sentences.length).toBeLessThanOrEqual(4);
    }
    expect(new Set(summary.sections.map((s) => s.heading)).size).toBe(summary.sections.length);
  });

  it('cites every sentence, verifiably, and its provenance span is the sentence', () => {
    const byId = new Map(articles.map((a) => [a.id as string, a]));
    for (const sentence of allSentences(summary)) {
      expect(sentence.citations.length).toBeGreaterThanOrEqual(1);
      expect(sentence.citations.length).toBeLessThanOrEqual(3);
      const { articleId, field, start, end } = sentence.provenance;
      expect(byId.get(articleId)?.[field]?.slice(start, end)).toBe(sentence.text);
    }
    const report = verifyCitations(summary, articles);
    expect(report.ok).toBe(true);
    expect(report.supportRate).toBe(1);
  });

  it('corroborates with other outlets but counts a syndicated copy once', () => {
    const copyId = articles[3]?.id;
    const cited = allSentences(summary).flatMap((s) =>
      s.provenance.support.map((c) => c.articleId),
    );
    expect(cited).not.toContain(copyId);
    expect(allSentences(summary).some((s) => s.citations.length >= 2)).toBe(true);
  });

  it('numbers sources in order of first citation', () => {
    const order = [...new Set(allSentences(summary).flatMap((s) => s.citations))];
    expect(order).toEqual(summary.sources.map((s) => s.n));
    expect(order).toEqual(order.map((_, i) => i + 1));
  });

  it('leaves out datelines, bylines, credits, calls to action, questions and truncations', () => {
    const text = allSentences(summary)
      .map((s) => s.text)
      .join('\n');
    expect(text).not.toMatch(/\(AP\)|By Jane|Getty|Read more|\?|…/m);
    expect(text).toContain('The Springfield city council approved a $42 million transit budget');
  });

  it('keeps a pronoun-initial sentence only right after the sentence it depends on', () => {
    for (const section of summary.sections) {
      section.sentences.forEach((sentence, i) => {
        if (!/^(?:It|He|She|They|This|But)\b/.test(sentence.text)) return;
        const before = section.sentences[i - 1]?.provenance;
        expect(before?.articleId).toBe(sentence.provenance.articleId);
        expect(before?.end).toBeLessThan(sentence.provenance.start);
      });
    }
  });

  it('is deterministic', () => {
    expect(
      JSON.stringify(
        summarizeStory(
          story,
          transitArticles().map((a, i) => ({ ...a, id: articles[i]?.id ?? a.id })),
        ),
      ),
    ).toBe(JSON.stringify(summary));
  });

  it('lists the external resources outlets link', () => {
    expect(summary.externalResources[0]?.domain).toBe('springfield.gov');
  });
});

describe('summarizeStory on small and large stories', () => {
  it('writes one section for a one-article story and falls back to the title without a body', () => {
    const solo = makeArticle({ title: 'Storm closes Route 9 overnight', summary: 'Short.' });
    const summary = summarizeStory(makeStory([solo]), [solo]);
    expect(summary.sections).toHaveLength(1);
    expect(summary.sections[0]?.sentences[0]?.provenance.field).toBe('title');
    expect(verifyCitations(summary, [solo]).ok).toBe(true);
  });

  it('never uses a question as the headline when a body sentence can stand in', () => {
    const a = makeArticle({
      title: 'Is the Ridgeton dam safe?',
      summary:
        'Engineers found new cracks in the Ridgeton dam on Monday after heavy rain. Repairs will begin next week.',
    });
    const summary = summarizeStory(makeStory([a]), [a]);
    expect(summary.headline).toBe('Engineers Found New Cracks in the Ridgeton Dam');
  });

  it('handles 500 snippet articles', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      makeArticle({
        title: `Wildfire near Ridgeton forces evacuations, update ${i}`,
        summary: `Firefighters battled a wildfire near Ridgeton on Sunday as crews from ${i % 20} counties arrived. Officials ordered evacuations for 2,000 homes in the valley.`,
      }),
    );
    const summary = summarizeStory(makeStory(many), many);
    expect(summary.articleCount).toBe(500);
    expect(verifyCitations(summary, many).ok).toBe(true);
  });

  it('throws INVALID_INPUT when none of the story articles is given', () => {
    const a = makeArticle();
    expect(() => summarizeStory(makeStory([a]), [])).toThrow(NewsloomError);
  });
});

describe('summarizeStory hygiene', () => {
  it('uses the feed summary when the page text is a stub', () => {
    const a = makeArticle({
      title: 'Port reopens after storm',
      text: 'Click to read the full story.',
      summary:
        'The port of Eastham reopened on Sunday after a storm closed it for three days. Officials said 40 ships were waiting to dock.',
    });
    const summary = summarizeStory(makeStory([a]), [a]);
    const first = allSentences(summary)[0];
    expect(first?.text).toBe(
      'The port of Eastham reopened on Sunday after a storm closed it for three days.',
    );
    expect(first?.provenance.field).toBe('summary');
  });

  it('states one fact once, even when outlets word it differently', () => {
    const fact = (lead: string) =>
      makeArticle({
        title: 'Dam repairs start',
        text: `${lead} Engineers said the work on the Ridgeton dam would cost 12 million dollars. Residents downstream were told to stay alert during the repairs.`,
      });
    const articles = [
      fact('Repairs on the cracked Ridgeton dam began on Monday, the water authority said.'),
      fact('The water authority said repairs on the cracked Ridgeton dam began Monday.'),
      fact('On Monday, the water authority began repairs on the cracked Ridgeton dam.'),
    ];
    const texts = allSentences(summarizeStory(makeStory(articles), articles)).map((s) => s.text);
    expect(texts.filter((t) => /began/.test(t))).toHaveLength(1);
  });
});
