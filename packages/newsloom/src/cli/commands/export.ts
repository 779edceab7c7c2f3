import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Article, csvField, NewsloomError, stringifyJsonl } from '@newsloom/core';
import { coverageMatrixToCsv } from '@newsloom/coverage';
import type { Pipeline } from '../../pipeline/create-pipeline';
import { type Command, stringOption } from '../command';

const CSV_COLUMNS = [
  'id',
  'story_id',
  'outlet_id',
  'outlet_name',
  'published_at',
  'title',
  'url',
  'summary',
] as const;

async function articlesWithStories(
  pipeline: Pipeline,
): Promise<{ article: Article; storyId: string }[]> {
  const storyOf = new Map<string, string>();
  for (const story of await pipeline.store.getStories())
    for (const id of story.articleIds) storyOf.set(id, story.id);
  const rows: { article: Article; storyId: string }[] = [];
  for await (const article of pipeline.store.queryArticles())
    rows.push({ article, storyId: storyOf.get(article.id) ?? '' });
  return rows;
}

function articlesCsv(rows: readonly { article: Article; storyId: string }[]): string {
  const lines = rows.map(({ article: a, storyId }) =>
    [a.id, storyId, a.outletId, a.outletName ?? '', a.publishedAt, a.title, a.url, a.summary ?? '']
      .map((field) => csvField(field, { guardFormulas: true }))
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

async function render(
  pipeline: Pipeline,
  what: string,
  format: string,
): Promise<{ text: string; count: number }> {
  if (what === 'coverage') {
    const edition = await pipeline.edition({ all: true });
    const text =
      format === 'csv'
        ? coverageMatrixToCsv(edition.coverage)
        : stringifyJsonl(edition.coverage.matrix);
    return { text, count: edition.coverage.matrix.length };
  }
  const rows = await articlesWithStories(pipeline);
  const text =
    format === 'csv'
      ? articlesCsv(rows)
      : stringifyJsonl(rows.map((r) => ({ ...r.article, storyId: r.storyId || undefined })));
  return { text, count: rows.length };
}

/**
 * `newsloom export`.
 * @example await main(['export', '--format', 'csv', '--out', 'articles.csv'], processIo())
 */
export const exportCommand: Command = {
  name: 'export',
  summary:
    'export articles (with their story id) or the story × outlet coverage matrix as JSONL or CSV',
  usage: 'newsloom export --format jsonl|csv [--what articles|coverage] [--out FILE]',
  options: { format: { type: 'string' }, what: { type: 'string' }, out: { type: 'string' } },
  async run(context) {
    const format = stringOption(context.values, 'format') ?? 'jsonl';
    const what = stringOption(context.values, 'what') ?? 'articles';
    if (format !== 'jsonl' && format !== 'csv')
      throw new NewsloomError('INVALID_INPUT', `--format must be jsonl or csv, not "${format}"`);
    if (what !== 'articles' && what !== 'coverage')
      throw new NewsloomError(
        'INVALID_INPUT',
        `--what must be articles or coverage, not "${what}"`,
      );
    const { text, count } = await render(context.openPipeline(), what, format);
    const out = stringOption(context.values, 'out');
    if (!out) {
      context.io.stdout(text);
      return 0;
    }
    const path = resolve(context.io.cwd, out);
    await writeFile(path, text, 'utf8');
    context.print(
      `Wrote ${count} ${what === 'coverage' ? 'coverage cells' : 'articles'} to ${path}`,
      { path, count, format, what },
    );
    return 0;
  },
};
