// CI guard: fails when the PostgreSQL tests were skipped (no NEWSLOOM_TEST_POSTGRES_URL, or the
// server was down). Reads the vitest JSON report that `pnpm test` writes.
// Usage: node packages/store-postgres/scripts/check-postgres-ran.mjs [test-artifacts/vitest-report.json]
import { existsSync, readFileSync } from 'node:fs';

const report = process.argv[2] ?? 'test-artifacts/vitest-report.json';
if (!existsSync(report)) {
  console.error(`postgres tests: no vitest report at ${report}; run pnpm test first`);
  process.exit(1);
}
const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
const postgresFile = /packages\/(store-postgres\/|newsloom\/src\/worker\/)/;
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of testResults) {
  if (!postgresFile.test(file.name)) continue;
  for (const test of file.assertionResults) {
    if (test.status === 'passed') counts.passed += 1;
    else if (test.status === 'failed') counts.failed += 1;
    else counts.skipped += 1;
  }
}
console.log(
  `postgres tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
);
if (counts.skipped > 0 || counts.passed === 0) {
  console.error(
    'postgres tests were skipped: set NEWSLOOM_TEST_POSTGRES_URL to a running server ' +
      '(e.g. postgres://postgres@127.0.0.1:5432/test)',
  );
  process.exit(1);
}
process.exit(counts.failed > 0 ? 1 : 0);
