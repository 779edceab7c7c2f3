// Research: run the pipeline's clustering over the bundled AllSides 2021 feeds (real articles
// with AllSides' lean ratings), then export the story × outlet coverage matrix as CSV, the
// coverage report as JSON, and a chart. `pnpm --filter @newsloom/example-research start`.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  coverageMatrixToCsv,
  coverageReportToJson,
  createPipeline,
  type OutletInput,
} from 'newsloom';
import { outletCoverageSvg } from './coverage-chart';

const DATA = fileURLToPath(new URL('../../../packages/newsloom/demo/data/', import.meta.url));

/** Clusters the feeds of `opml`, analyses coverage by AllSides lean, and writes the files. */
export async function research(outDir: string, opml = join(DATA, 'allsides-2021.opml')) {
  const pipeline = createPipeline({
    databasePath: ':memory:',
    allowFileUrls: true,
    coverage: { minority: { attributes: ['lean'], attributeSource: 'AllSides' } },
  });
  try {
    const outlets = JSON.parse(readFileSync(join(DATA, 'outlets.json'), 'utf8')) as OutletInput[];
    await pipeline.addOutlets(outlets);
    await pipeline.ingestOpml(opml);
    await pipeline.cluster();
    const edition = await pipeline.edition();
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'coverage-matrix.csv'), coverageMatrixToCsv(edition.coverage));
    await writeFile(
      join(outDir, 'coverage-report.json'),
      coverageReportToJson(edition.coverage, { indent: 2 }),
    );
    await writeFile(
      join(outDir, 'outlet-coverage.svg'),
      outletCoverageSvg(edition.coverage, edition.outlets),
    );
    return edition;
  } finally {
    await pipeline.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const edition = await research('out');
  const blindspots = edition.coverage.minorityReports.filter((m) => m.reason === 'blindspot');
  console.log(
    `${edition.stories.length} stories, ${edition.coverage.matrix.length} story × outlet cells, ${blindspots.length} blindspots`,
  );
  console.log(
    'Wrote out/coverage-matrix.csv, out/coverage-report.json and out/outlet-coverage.svg',
  );
}
