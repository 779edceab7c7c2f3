import { resolve } from 'node:path';
import { type ArticleStore, csvField, type Edition, stringifyJsonl } from '@newsloom/core';
import { coverageMatrixToCsv } from '@newsloom/coverage';
import { type Command, type CommandContext, stringOption } from '../command';
import { nonEmpty, oneOf } from '../options';
import { readStoredEdition } from '../read-edition';
import { STORY_COLUMNS, storyRows } from '../story-rows';
import { plural } from '../text';
import { checkOutputFile, writeFileAtomically } from '../write-output';
import { READONLY_OPTIONS } from './read-only';

const ARTICLE_COLUMNS = [
  'id',
  'story_id',
  'outlet_id',
  'outlet_name',
  'published_at',
  'title',
  'url',
  'summary',
] as const;

type Row = Record<string, string | number>;

function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = rows.map((row) =>
    columns.map((c) => csvField(String(row[c] ?? ''), { guardFormulas: true })).join(','),
  );
  return `${[columns.join(','), ...lines].join('\r\n')}\r\n`;
}

async function articleRows(store: ArticleStore): Promise<Row[]> {
  const storyOf = new Map<string, string>();
  for (const story of await store.getStories())
    for (const id of story.articleIds) storyOf.set(id, story.id);
  const rows: Row[] = [];
  for await (const a of store.queryArticles()) {
    rows.push({
      id: a.id,
      story_id: storyOf.get(a.id) ?? '',
      outlet_id: a.outletId,
      outlet_name: a.outletName ?? '',
      published_at: a.publishedAt,
      title: a.title,
      url: a.url,
      summary: a.summary ?? '',
    });
  }
  return rows;
}

async function edition(
  context: CommandContext,
  store: ArticleStore,
  rankAll: boolean,
): Promise<Edition> {
  const coverage = { minority: { attributes: context.config.blindspotAttributes } };
  return (await readStoredEdition(store, coverage, new Date().toISOString(), rankAll)).edition;
}

async function render(
  context: CommandContext,
  what: string,
  format: string,
): Promise<{ text: string; count: number }> {
  const store = await context.openStoreToRead();
  if (what === 'coverage') {
    const { coverage } = await edition(context, store, false);
    const text = format === 'csv' ? coverageMatrixToCsv(coverage) : stringifyJsonl(coverage.matrix);
    return { text, count: coverage.matrix.length };
  }
  const rows =
    what === 'stories' ? storyRows(await edition(context, store, true)) : await articleRows(store);
  const columns = what === 'stories' ? STORY_COLUMNS : ARTICLE_COLUMNS;
  return {
    text: format === 'csv' ? toCsv(columns, rows) : stringifyJsonl(rows),
    count: rows.length,
  };
}

const NOUNS: Record<string, [string, string]> = {
  articles: ['article', 'articles'],
  stories: ['story', 'stories'],
  coverage: ['coverage cell', 'coverage cells'],
};

/**
 * `newsloom export`: read-only; CSV and JSONL carry the same column names.
 * @example await main(['export', '--format', 'csv', '--what', 'stories', '--out', 'stories.csv'], processIo())
 */
export const exportCommand: Command = {
  name: 'export',
  summary:
    'export articles (with their story id), stories (headline, score, counts) or the story × outlet coverage matrix as JSONL or CSV',
  usage:
    'newsloom export [--format jsonl|csv] [--what articles|stories|coverage] [--out FILE] [--readonly]',
  readOnly: true,
  options: {
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'the file format',
      default: 'jsonl',
      check: oneOf(['jsonl', 'csv']),
    },
    what: {
      type: 'string',
      value: 'WHAT',
      description: 'what to export',
      default: 'articles',
      check: oneOf(['articles', 'stories', 'coverage']),
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'the file to write (whole or not at all)',
      default: 'stdout',
      check: nonEmpty,
    },
    ...READONLY_OPTIONS,
  },
  async run(context) {
    const format = stringOption(context.values, 'format') ?? 'jsonl';
    const what = stringOption(context.values, 'what') ?? 'articles';
    const out = stringOption(context.values, 'out');
    const path = out === undefined ? undefined : resolve(context.io.cwd, out);
    if (path) checkOutputFile(path, '--out');
    const { text, count } = await render(context, what, format);
    if (!path) {
      context.io.stdout(text);
      return 0;
    }
    await writeFileAtomically(path, text);
    const [one, many] = NOUNS[what] ?? ['row', 'rows'];
    context.print(`Wrote ${plural(count, one, many)} to ${path}`, { path, count, format, what });
    return 0;
  },
};
