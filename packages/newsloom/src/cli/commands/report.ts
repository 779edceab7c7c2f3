import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Edition } from '@newsloom/core';
import { coverageMatrixToCsv } from '@newsloom/coverage';
import { createEditionView, outletName, storyHeadline } from '../../digest/edition-view';
import { type Command, stringOption } from '../command';

function components(values: Record<string, number>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${k} ${Number(values[k]?.toFixed(3))}`)
    .join(', ');
}

/**
 * The coverage report of an edition as plain text.
 * @example console.log(coverageText(edition, 5))
 */
function coverageText(edition: Edition, limit = 10): string {
  const view = createEditionView(edition);
  const { coverage } = edition;
  const lines = ['Top headlines:'];
  for (const top of coverage.topHeadlines.slice(0, limit)) {
    lines.push(
      `${String(top.rank).padStart(3)}. ${storyHeadline(view, top.storyId)}  [score ${Number(top.score.toFixed(3))}: ${components(top.components)}]`,
    );
  }
  lines.push('', 'Minority reports:');
  for (const m of coverage.minorityReports.slice(0, limit)) {
    const outlets = m.outletIds.map((id) => outletName(view, id)).join(', ');
    lines.push(
      `  - ${storyHeadline(view, m.storyId)} — ${outlets} (${m.reason}) [score ${Number(m.score.toFixed(3))}: ${components(m.components)}]`,
    );
  }
  lines.push('', 'Unique coverage by outlet (exclusive / stories, exclusivity, first reports):');
  const unique = [...coverage.uniqueByOutlet].sort(
    (a, b) =>
      b.exclusiveStoryIds.length - a.exclusiveStoryIds.length ||
      a.outletId.localeCompare(b.outletId),
  );
  for (const u of unique.slice(0, limit)) {
    lines.push(
      `  ${outletName(view, u.outletId).padEnd(32)} ${u.exclusiveStoryIds.length}/${u.storyCount}  ${u.exclusivity.toFixed(2)}  ${u.firstReports}`,
    );
  }
  return lines.join('\n');
}

/**
 * `newsloom report coverage`.
 * @example await main(['report', 'coverage', '--json'], processIo())
 */
export const reportCoverageCommand: Command = {
  name: 'report coverage',
  summary:
    'print top headlines, minority reports and unique coverage by outlet, with score components',
  usage: 'newsloom report coverage [--limit N] [--csv FILE]',
  options: { limit: { type: 'string' }, csv: { type: 'string' } },
  async run(context) {
    const pipeline = context.openPipeline();
    await pipeline.cluster();
    const edition = await pipeline.edition({ all: true });
    context.progress.done();
    const csv = stringOption(context.values, 'csv');
    if (csv)
      await writeFile(resolve(context.io.cwd, csv), coverageMatrixToCsv(edition.coverage), 'utf8');
    const limit = Number(stringOption(context.values, 'limit') ?? 10);
    context.print(
      coverageText(edition, Number.isFinite(limit) && limit > 0 ? limit : 10),
      edition.coverage,
    );
    return 0;
  },
};
