import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { type ArticleStore, csvField, type Edition, stringifyJsonl } from '@newsloom/core';
import { coverageMatrixToCsv } from '@newsloom/coverage';
import { type ExportDestination, exportArticlesCsv, exportArticlesJsonl } from '@newsloom/store';
import { type Command, type CommandContext, stringOption } from '../command';
import { nonEmpty, oneOf } from '../options';
import { readStoredEdition } from '../read-edition';
import { STORY_COLUMNS, storyRows } from '../story-rows';
import { plural } from '../text';
import { checkOutputFile, writeAtomically, writeFileAtomically } from '../write-output';
import { READONLY_OPTIONS } from './read-only';

type Row = Record<string, string | number>;

function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = rows.map((row) =>
    columns.map((c) => csvField(String(row[c] ?? ''), { guardFormulas: true })).join(','),
  );
  return `${[columns.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Articles through `@newsloom/store`'s one article format (with the story id), streamed. */
function exportArticles(
  store: ArticleStore,
  format: string,
  to: ExportDestination,
): Promise<number> {
  return format === 'csv'
    ? exportArticlesCsv(store, to, { guardFormulas: true })
    : exportArticlesJsonl(store, to);
}

/** A stream that hands what is written to the CLI's stdout. */
function stdoutStream(context: CommandContext): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      context.io.stdout(chunk.toString());
      done();
    },
  });
}

async function edition(
  context: CommandContext,
  store: ArticleStore,
  rankAll: boolean,
): Promise<Edition> {
  const coverage = { minority: { attributes: context.config.blindspotAttributes } };
  return (await readStoredEdition(store, coverage, new Date().toISOString(), rankAll)).edition;
}

/** Stories or coverage, rendered whole (they are read into memory to be scored anyway). */
async function render(context: CommandContext, store: ArticleStore, what: string, format: string) {
  if (what === 'coverage') {
    const { coverage } = await edition(context, store, false);
    const text = format === 'csv' ? coverageMatrixToCsv(coverage) : stringifyJsonl(coverage.matrix);
    return { text, count: coverage.matrix.length };
  }
  const rows = storyRows(await edition(context, store, true));
  return {
    text: format === 'csv' ? toCsv(STORY_COLUMNS, rows) : stringifyJsonl(rows),
    count: rows.length,
  };
}

/** Writes the export to `path` (whole or not at all) or stdout; returns the count. */
async function write(
  context: CommandContext,
  what: string,
  format: string,
  path: string | undefined,
) {
  const store = await context.openStoreToRead();
  if (what === 'articles')
    return path
      ? writeAtomically(path, (temporary) => exportArticles(store, format, temporary))
      : exportArticles(store, format, stdoutStream(context));
  const { text, count } = await render(context, store, what, format);
  if (path) await writeFileAtomically(path, text);
  else context.io.stdout(text);
  return count;
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
    const count = await write(context, what, format, path);
    if (!path) return 0;
    const [one, many] = NOUNS[what] ?? ['row', 'rows'];
    context.print(`Wrote ${plural(count, one, many)} to ${path}`, { path, count, format, what });
    return 0;
  },
};
