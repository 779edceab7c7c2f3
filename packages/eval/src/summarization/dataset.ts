import { readFileSync } from 'node:fs';
import { type Article, parseArticle, type Story, StorySchema } from '@newsloom/core';

/** One reference-summarised story of a summarisation dataset. */
export interface SummarizationExample {
  id: string;
  story: Story;
  articles: Article[];
  reference: { headline: string; summary: string };
}

/**
 * Reads a `stories.jsonl` summarisation file (`{id, articles, reference}` a line) into stories
 * and parsed articles. Stories without articles are kept with an empty article list.
 *
 * @throws {NewsloomError} `INVALID_ARTICLE` when an article row is malformed.
 * @example
 * ```ts
 * const examples = loadSummarizationExamples('../shared/data/summarization/neus-2022-dev/stories.jsonl');
 * ```
 */
export function loadSummarizationExamples(path: string): SummarizationExample[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const row = JSON.parse(line) as {
      id: string;
      articles: unknown[];
      reference: SummarizationExample['reference'];
    };
    const articles = row.articles.map((a) => parseArticle(a));
    const times = articles.map((a) => a.publishedAt).sort();
    const story = StorySchema.parse({
      id: row.id,
      articleIds: articles.length > 0 ? articles.map((a) => a.id) : ['none'],
      createdAt: times[0] ?? '1970-01-01T00:00:00.000Z',
      updatedAt: times[times.length - 1] ?? '1970-01-01T00:00:00.000Z',
    });
    return { id: row.id, story, articles, reference: row.reference };
  });
}
