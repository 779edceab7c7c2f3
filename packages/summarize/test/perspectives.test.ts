import { type Outlet, OutletSchema, StorySummarySchema } from '@newsloom/core';
import { makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { summarizeStory, verifyCitations } from '../src/index';
import { transitArticles, transitStory } from './fixtures/transit-story';

const articles = transitArticles();
const story = transitStory(articles);

/** Outlets of the fixture with a lean rating (invented for the test), plus one with no article. */
function outlets(): Outlet[] {
  const lean = (id: string, value: string) =>
    OutletSchema.parse({ id, name: id, attributes: [{ name: 'lean', value, source: 'test' }] });
  const ids = [...new Set(articles.map((a) => a.outletId))];
  return [
    lean(ids[0] ?? '', 'center'),
    lean(ids[1] ?? '', 'left'),
    lean(ids[2] ?? '', 'left'),
    lean(ids[3] ?? '', 'center'),
    lean('outlet-without-articles', 'right'),
  ];
}

describe('perspectives', () => {
  it('gives each lean group with coverage its cited sentence and names the missing one', () => {
    const summary = summarizeStory(story, articles, { outlets: outlets() });
    expect(StorySummarySchema.parse(summary)).toEqual(summary);
    const [lean] = summary.perspectives;
    expect(lean?.attribute).toBe('lean');
    expect(lean?.groups.map((g) => [g.value, g.articleCount])).toEqual([
      ['center', 2],
      ['left', 2],
    ]);
    expect(lean?.missing).toEqual(['right']);
    for (const group of lean?.groups ?? []) {
      expect(group.sentence?.citations.length).toBeGreaterThan(0);
      const source = summary.sources.find((s) => s.n === group.sentence?.citations[0]);
      expect(source).toBeDefined();
    }
    // Perspective sentences cite the same numbered sources and verify like section sentences.
    const asSection = {
      ...summary,
      sections: [
        { heading: 'x', sentences: (lean?.groups ?? []).flatMap((g) => g.sentence ?? []) },
      ],
    };
    expect(verifyCitations(asSection, articles).ok).toBe(true);
  });

  it('reuses one outlet list across stories and sees outlets added to it', () => {
    const list = outlets();
    const first = summarizeStory(story, articles, { outlets: list });
    expect(summarizeStory(story, articles, { outlets: list })).toEqual(first);
    list.push(
      OutletSchema.parse({
        id: 'another-outlet',
        name: 'another-outlet',
        attributes: [{ name: 'lean', value: 'far-right', source: 'test' }],
      }),
    );
    const after = summarizeStory(story, articles, { outlets: list });
    expect(after.perspectives[0]?.missing).toEqual(['far-right', 'right']);
  });

  it('is empty without outlet attributes', () => {
    expect(summarizeStory(story, articles).perspectives).toEqual([]);
  });
});

describe('what is new', () => {
  it('marks sentences from articles added since the previous summary', () => {
    const early = articles.slice(0, 2);
    const previous = summarizeStory(makeStory(early, { id: story.id }), early);
    expect(previous.whatIsNew).toBeUndefined();
    const now = summarizeStory(story, articles, { previous });
    const added = articles.slice(2).map((a) => a.id);
    expect(now.whatIsNew?.newArticleIds).toEqual(added);
    expect(now.whatIsNew?.previousArticleCount).toBe(2);
    expect(now.whatIsNew?.since).toBe(previous.updatedAt);
    const sentences = now.sections.flatMap((s) => s.sentences);
    for (const s of sentences)
      expect(s.isNew === true).toBe(added.includes(s.provenance.articleId));
    expect(sentences.some((s) => s.isNew)).toBe(true);
  });

  it('still reads a summary stored before perspectives and what-is-new existed', () => {
    const current = summarizeStory(story, articles);
    const { articleIds: _a, perspectives: _p, whatIsNew: _w, ...old } = current;
    const parsed = StorySummarySchema.parse(old);
    expect(parsed.articleIds).toEqual([]);
    expect(parsed.perspectives).toEqual([]);
    const next = summarizeStory(story, articles, { previous: parsed });
    // Without stored ids, articles published after the previous update and not cited are new.
    expect(next.whatIsNew?.newArticleIds).toEqual([]);
  });
});
