import { resolve } from 'node:path';
import type { CoverageReport, Edition } from '@newsloom/core';
import { coverageMatrixToCsv } from '@newsloom/coverage';
import { createEditionView, outletName, storyHeadline } from '../../digest/edition-view';
import { type Command, numberOption, stringOption } from '../command';
import { nonEmpty, positiveInteger } from '../options';
import { readStoredEdition } from '../read-edition';
import { plural } from '../text';
import { checkOutputFile, writeFileAtomically } from '../write-output';
import { READONLY_OPTIONS } from './read-only';

function components(values: Record<string, number>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${k} ${Number(values[k]?.toFixed(3))}`)
    .join(', ');
}

/** The parts of a coverage report a `--limit` keeps: text and `--json` show the same items. */
function limited(coverage: CoverageReport, limit: number) {
  const unique = [...coverage.uniqueByOutlet].sort(
    (a, b) =>
      b.exclusiveStoryIds.length - a.exclusiveStoryIds.length ||
      a.outletId.localeCompare(b.outletId),
  );
  return {
    limit,
    totals: {
      topHeadlines: coverage.topHeadlines.length,
      minorityReports: coverage.minorityReports.length,
      uniqueByOutlet: unique.length,
    },
    topHeadlines: coverage.topHeadlines.slice(0, limit),
    minorityReports: coverage.minorityReports.slice(0, limit),
    uniqueByOutlet: unique.slice(0, limit),
  };
}

/** Lines, then "… and N more" when the section has more than it shows. */
function section(title: string, lines: string[], total: number): string[] {
  const more = total - lines.length;
  return [
    title,
    ...(lines.length ? lines : ['  (none)']),
    ...(more > 0 ? [`  … and ${more} more (--limit ${total} shows all)`] : []),
  ];
}

function coverageText(edition: Edition, shown: ReturnType<typeof limited>): string {
  const view = createEditionView(edition);
  const top = shown.topHeadlines.map(
    (t) =>
      `${String(t.rank).padStart(3)}. ${storyHeadline(view, t.storyId)}  [score ${Number(t.score.toFixed(3))}: ${components(t.components)}]`,
  );
  const minority = shown.minorityReports.map((m) => {
    const outlets = m.outletIds.map((id) => outletName(view, id)).join(', ');
    return `  - ${storyHeadline(view, m.storyId)} — ${outlets} (${m.reason}) [score ${Number(m.score.toFixed(3))}: ${components(m.components)}]`;
  });
  const unique = shown.uniqueByOutlet.map(
    (u) =>
      `  ${outletName(view, u.outletId).padEnd(32)} ${u.exclusiveStoryIds.length}/${u.storyCount}  ${u.exclusivity.toFixed(2)}  ${u.firstReports}`,
  );
  return [
    ...section('Top headlines:', top, shown.totals.topHeadlines),
    '',
    ...section('Minority reports:', minority, shown.totals.minorityReports),
    '',
    ...section(
      'Unique coverage by outlet (exclusive / stories, exclusivity, first reports):',
      unique,
      shown.totals.uniqueByOutlet,
    ),
  ].join('\n');
}

/**
 * `newsloom report coverage`: read-only; reports the stories already in the store.
 * @example await main(['report', 'coverage', '--json'], processIo())
 */
export const reportCoverageCommand: Command = {
  name: 'report coverage',
  summary:
    'print top headlines, minority reports and unique coverage by outlet, with score components',
  usage: 'newsloom report coverage [--limit N] [--csv FILE] [--readonly]',
  readOnly: true,
  options: {
    limit: {
      type: 'string',
      value: 'N',
      description: 'items per section (text and --json alike)',
      default: '10',
      check: positiveInteger,
    },
    csv: {
      type: 'string',
      value: 'FILE',
      description: 'also write the story × outlet matrix as CSV',
      check: nonEmpty,
    },
    ...READONLY_OPTIONS,
  },
  async run(context) {
    const csvOption = stringOption(context.values, 'csv');
    const csv = csvOption === undefined ? undefined : resolve(context.io.cwd, csvOption);
    if (csv) checkOutputFile(csv, '--csv');
    const store = await context.openStoreToRead();
    const coverageOptions = { minority: { attributes: context.config.blindspotAttributes } };
    const { edition, unclustered } = await readStoredEdition(
      store,
      coverageOptions,
      new Date().toISOString(),
    );
    if (csv) await writeFileAtomically(csv, coverageMatrixToCsv(edition.coverage));
    const shown = limited(edition.coverage, numberOption(context.values, 'limit', 10));
    context.print(coverageText(edition, shown), { ...shown, unclusteredArticles: unclustered });
    if (unclustered > 0)
      context.warn(
        `newsloom: ${plural(unclustered, 'article')} not in any story yet: "newsloom digest" (or cluster) places them`,
      );
    return 0;
  },
};
