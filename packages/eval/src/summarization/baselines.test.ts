import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  centroidBaseline,
  leadBaseline,
  mostCentralTitle,
  roundRobinLeadBaseline,
} from './baselines';
import { loadSummarizationExamples } from './dataset';

const articles = [
  {
    title: 'Storm hits coast',
    summary: 'A storm hit the coast on Monday. Power failed in many towns.',
  },
  {
    title: 'Coastal storm cuts power',
    summary: 'Thousands lost power as the storm hit. Crews worked overnight.',
  },
  { title: 'Opinion: are we ready?', summary: 'Nobody prepared for this storm. Leaders must act.' },
];

describe('summarisation baselines', () => {
  it('lead takes the first article opening up to the word budget', () => {
    expect(leadBaseline(articles, 5)).toBe('A storm hit the coast');
  });

  it('round-robin lead takes each article first sentence in turn', () => {
    expect(roundRobinLeadBaseline(articles, 100)).toBe(
      'A storm hit the coast on Monday. Thousands lost power as the storm hit. Nobody prepared for this storm. Power failed in many towns. Crews worked overnight. Leaders must act.',
    );
  });

  it('centroid puts the most central sentence first', () => {
    expect(
      centroidBaseline(articles, 100).startsWith('Thousands lost power as the storm hit.'),
    ).toBe(true);
  });

  it('most-central title picks the title closest to the others', () => {
    const titles = [
      'Storm hits coast',
      'Storm hits coast and cuts power',
      'Storm cuts power to thousands',
    ];
    expect(mostCentralTitle(titles.map((title) => ({ title })))).toBe(
      'Storm hits coast and cuts power',
    );
  });
});

describe('loadSummarizationExamples', () => {
  it('reads stories with their articles and references', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsloom-eval-'));
    const file = join(dir, 'stories.jsonl');
    const article = {
      id: 'x-1',
      url: 'https://example.com/1',
      outlet: 'Example',
      title: 'T',
      summary: 'S.',
      publishedAt: '2024-01-01T00:00:00Z',
    };
    writeFileSync(
      file,
      `${JSON.stringify({ id: 's1', articles: [article], reference: { headline: 'H', summary: 'R' } })}\n`,
    );
    const [example] = loadSummarizationExamples(file);
    expect(example?.story.articleIds).toEqual(['x-1']);
    expect(example?.reference.headline).toBe('H');
  });
});
