// Prints coverage figures on AllSides' gold stories (../shared/data beside the repo).
// Run: node --conditions=@newsloom/source --import tsx packages/coverage/scripts/allsides-report.ts
import { existsSync, readFileSync } from 'node:fs';
import { type ArticleId, parseArticle, type StoryId } from '@newsloom/core';
import { analyzeCoverage, outletAttributesFromTable, withOutletAttributes } from '../src/index';

const DIR = new URL('../../../../shared/data/clustering/allsides-2021-dev/', import.meta.url);
if (!existsSync(new URL('articles.jsonl', DIR))) {
  console.log(`dataset missing: ${DIR.pathname} — nothing to report`);
  process.exit(0);
}
const lines = (name: string) =>
  readFileSync(new URL(name, DIR), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const articles = lines('articles.jsonl').map((row) => parseArticle(row));
const labels = new Map(lines('labels.jsonl').map((r) => [String(r.id), String(r.story)]));
const members = new Map<string, ArticleId[]>();
for (const a of articles) {
  const s = labels.get(a.id) ?? a.id;
  members.set(s, [...(members.get(s) ?? []), a.id]);
}
const stories = [...members].map(([id, articleIds]) => ({ id: id as StoryId, articleIds }));
const table = articles.map((a) => ({ outlet: a.outletName, lean: a.meta.lean }));
const outlets = withOutletAttributes([], outletAttributesFromTable(table, { source: 'AllSides' }));
const started = performance.now();
const report = analyzeCoverage(
  { articles, stories, outlets },
  { minority: { attributes: ['lean'], limit: Infinity }, topHeadlines: { limit: 5 } },
);
const ms = performance.now() - started;
const reasons = (r: string) => report.minorityReports.filter((m) => m.reason === r).length;
console.log(
  `articles ${articles.length}, stories ${stories.length}, outlets ${outlets.length}, ${ms.toFixed(0)} ms`,
);
console.log(
  `syndicated cells (fingerprint): ${report.matrix.filter((c) => c.syndicated).length} of ${report.matrix.length}`,
);
console.log(`low-breadth ${reasons('low-breadth')}, lean blindspots ${reasons('blindspot')}`);
console.log('top 5:', report.topHeadlines.map((h) => `${h.storyId} ${h.score}`).join(', '));
const firsts = [...report.uniqueByOutlet]
  .sort((a, b) => b.firstReports - a.firstReports)
  .slice(0, 5);
console.log(
  'most first reports:',
  firsts.map((u) => `${u.outletId} ${u.firstReports} (${u.meanLeadMinutes} min)`).join(', '),
);
