import { OutletSchema, type StorySummary } from '@newsloom/core';
import { summarizeStory } from '@newsloom/summarize';
import { makeArticle, makeStory } from '@newsloom/testing';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './render-markdown';
import { perspectivesMarkdown, renderPerspectives, whatIsNewMarkdown } from './render-perspectives';

const text = (n: number) =>
  `The harbour authority <b>closed</b> the north pier on Friday after a storm damaged ${n} cranes. Workers said repairs would take three weeks and cost the port about ${n + 10} million dollars.`;

function summaries(): { first: StorySummary; second: StorySummary } {
  const a = makeArticle({
    outlet: 'Left Wire',
    title: 'Storm closes north pier',
    text: text(4),
    publishedAt: '2025-01-03T10:00:00Z',
  });
  const b = makeArticle({
    outlet: 'Centre Post',
    title: 'North pier shut after storm',
    text: text(4),
    publishedAt: '2025-01-03T12:00:00Z',
  });
  const outlets = [
    OutletSchema.parse({
      id: a.outletId,
      name: 'Left Wire',
      attributes: [{ name: 'lean', value: 'left' }],
    }),
    OutletSchema.parse({
      id: b.outletId,
      name: 'Centre Post',
      attributes: [{ name: 'lean', value: 'center' }],
    }),
    OutletSchema.parse({
      id: 'right-daily',
      name: 'Right Daily',
      attributes: [{ name: 'lean', value: 'right' }],
    }),
  ];
  const first = summarizeStory(makeStory([a], { id: 'st-1' }), [a], { outlets });
  const second = summarizeStory(makeStory([a, b], { id: 'st-1' }), [a, b], {
    outlets,
    previous: first,
  });
  return { first, second };
}

describe('renderPerspectives', () => {
  const { first, second } = summaries();

  it('says how many articles are new since the previous summary', () => {
    expect(renderPerspectives(first).whatIsNew).toBe('');
    expect(renderPerspectives(second).whatIsNew).toMatch(
      /^<p class="meta" id="what-is-new">1 new article since /,
    );
    expect(whatIsNewMarkdown(second, escapeMarkdown)[0]).toMatch(/^_1 new article since /);
  });

  it('renders each lean group with its cited sentence, escaped, and the missing group', () => {
    const html = renderPerspectives(second).perspectives;
    expect(html).toContain('<h2>How outlets covered it</h2>');
    expect(html).toContain('<h3>By lean</h3>');
    expect(html).toMatch(/center <span class="meta">\(1 article\)<\/span>/);
    expect(html).toContain('&lt;b&gt;closed&lt;/b&gt;');
    expect(html).not.toContain('<b>closed</b>');
    expect(html).toMatch(/href="#source-\d"/);
    expect(html).toContain('No coverage: right');
    const md = perspectivesMarkdown(second, escapeMarkdown).join('\n');
    expect(md).toContain('**How outlets covered it**');
    expect(md).toContain('- lean, no coverage: right');
  });

  it('renders nothing for a summary without perspectives', () => {
    expect(renderPerspectives(undefined)).toEqual({ whatIsNew: '', perspectives: '' });
    expect(perspectivesMarkdown({ ...second, perspectives: [] }, escapeMarkdown)).toEqual([]);
  });
});
