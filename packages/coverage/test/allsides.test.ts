// On AllSides' gold stories (when ../shared/data is beside the repo), the report must agree
// with a recomputation written plainly here, from the rows alone.
import { existsSync, readFileSync } from 'node:fs';
import { type Article, type ArticleId, parseArticle, type StoryId } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage, outletAttributesFromTable, withOutletAttributes } from '../src/index';

const DIR = new URL('../../../../shared/data/clustering/allsides-2021-dev/', import.meta.url);
const present =
  existsSync(new URL('articles.jsonl', DIR)) && existsSync(new URL('labels.jsonl', DIR));

function readLines(name: string): Record<string, unknown>[] {
  return readFileSync(new URL(name, DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

if (!present) {
  describe('allsides-2021-dev', () => {
    it('dataset missing: ../shared/data/clustering/allsides-2021-dev not found, agreement check not run', () => {
      console.warn(
        `[coverage] dataset missing: ${DIR.pathname} — the AllSides agreement test did not run`,
      );
    });
  });
} else {
  describe('allsides-2021-dev gold stories', () => {
    const articles: Article[] = readLines('articles.jsonl').map((row) => parseArticle(row));
    const labels = new Map(
      readLines('labels.jsonl').map((row) => [String(row.id), String(row.story)]),
    );
    const members = new Map<string, string[]>();
    for (const article of articles) {
      const story = labels.get(article.id)!;
      members.set(story, [...(members.get(story) ?? []), article.id]);
    }
    const stories = [...members].map(([id, ids]) => ({
      id: id as StoryId,
      articleIds: ids as ArticleId[],
    }));
    const table = articles.map((a) => ({ outlet: a.outletName, lean: a.meta.lean }));
    const outlets = withOutletAttributes(
      [],
      outletAttributesFromTable(table, { source: 'AllSides', asOf: '2021-08-14' }),
    );
    const report = analyzeCoverage(
      { articles, stories, outlets },
      {
        syndication: 'none',
        minority: { attributes: ['lean'], limit: Infinity },
        topHeadlines: { limit: Infinity },
      },
    );
    const expected = recompute(articles, labels);

    it('agrees on breadth and the matrix', () => {
      expect(report.breadth).toEqual(expected.breadth);
      const cells = report.matrix.map(
        (c) => `${c.storyId}|${c.outletId}|${c.firstSeen}|${c.articleIds.length}`,
      );
      expect(cells.sort()).toEqual(expected.cells.sort());
    });

    it('agrees on unique coverage by outlet', () => {
      for (const entry of report.uniqueByOutlet) {
        const e = expected.outlets.get(entry.outletId)!;
        expect([
          entry.outletId,
          entry.storyCount,
          entry.exclusiveStoryIds.length,
          entry.firstReports,
        ]).toEqual([entry.outletId, e.stories, e.exclusives, e.firsts]);
        if (e.firsts === 0) expect(entry.meanLeadMinutes).toBeNull();
        else expect(entry.meanLeadMinutes).toBeCloseTo(e.lead / e.firsts, 4);
      }
      expect(report.uniqueByOutlet.length).toBe(expected.outlets.size);
    });

    it('agrees on low-breadth stories and lean blindspots', () => {
      const low = report.minorityReports
        .filter((r) => r.reason === 'low-breadth')
        .map((r) => r.storyId);
      const blind = report.minorityReports.filter((r) => r.reason === 'blindspot');
      expect(low.sort()).toEqual(expected.lowBreadth.sort());
      expect(blind.map((r) => r.storyId).sort()).toEqual([...expected.blindspots.keys()].sort());
      for (const r of blind) {
        const top = r.groups?.[0];
        expect([top?.group, top?.share]).toEqual(expected.blindspots.get(r.storyId));
      }
    });

    it('agrees on top-headline scores and order', () => {
      expect(report.topHeadlines.length).toBe(expected.scores.size);
      for (const h of report.topHeadlines)
        expect(h.score).toBeCloseTo(expected.scores.get(h.storyId)!, 5);
      const order = [...expected.scores].sort(
        ([a, x], [b, y]) => y - x || expected.breadth[b]! - expected.breadth[a]!,
      );
      expect(report.topHeadlines.slice(0, 10).map((h) => h.score)).toEqual(
        order.slice(0, 10).map(([, s]) => round(s)),
      );
    });
  });
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Everything the tests compare, computed directly from the rows (no code from src/). */
function recompute(articles: Article[], labels: Map<string, string>) {
  const ms = (a: Article) => Date.parse(a.publishedAt);
  const byStory = new Map<string, Article[]>();
  for (const a of articles)
    byStory.set(labels.get(a.id)!, [...(byStory.get(labels.get(a.id)!) ?? []), a]);
  const now = Math.max(...articles.map(ms));
  const lean = new Map<string, string>(articles.map((a) => [a.outletId, String(a.meta.lean)]));
  const breadth: Record<string, number> = {};
  const cells: string[] = [];
  const outlets = new Map<
    string,
    { stories: number; exclusives: number; firsts: number; lead: number }
  >();
  const lowBreadth: string[] = [];
  const blindspots = new Map<string, [string, number]>();
  const scores = new Map<string, number>();
  for (const [story, list] of byStory) {
    const firstByOutlet = new Map<string, number>();
    const countByOutlet = new Map<string, number>();
    for (const a of list) {
      firstByOutlet.set(a.outletId, Math.min(firstByOutlet.get(a.outletId) ?? Infinity, ms(a)));
      countByOutlet.set(a.outletId, (countByOutlet.get(a.outletId) ?? 0) + 1);
    }
    const n = firstByOutlet.size;
    breadth[story] = n;
    for (const [o, t] of firstByOutlet) {
      cells.push(`${story}|${o}|${new Date(t).toISOString()}|${countByOutlet.get(o)}`);
      const e = outlets.get(o) ?? { stories: 0, exclusives: 0, firsts: 0, lead: 0 };
      e.stories += 1;
      if (n === 1) e.exclusives += 1;
      outlets.set(o, e);
    }
    if (n > 1) {
      const times = [...firstByOutlet.values()].sort((a, b) => a - b);
      const first = times[0]!;
      const tied = times.filter((t) => t === first).length;
      const lead = tied > 1 ? 0 : (times[1]! - first) / 60000;
      for (const [o, t] of firstByOutlet) {
        if (t !== first) continue;
        outlets.get(o)!.firsts += 1;
        outlets.get(o)!.lead += lead;
      }
    }
    const substantive =
      Math.max(
        ...list.map((a) => a.title.length + (a.summary ?? '').length + (a.text ?? '').length),
      ) >= 200;
    if (substantive && n <= 2) lowBreadth.push(story);
    const leans = [...firstByOutlet.keys()].map((o) => lean.get(o)!);
    const counts = new Map<string, number>();
    for (const l of leans) counts.set(l, (counts.get(l) ?? 0) + 1);
    const [topLean, topCount] = [...counts].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0]!;
    if (substantive && leans.length >= 2 && topCount / leans.length >= 0.75)
      blindspots.set(story, [topLean, round(topCount / leans.length)]);
    const last = Math.max(...list.map(ms));
    const recent = list.filter((a) => ms(a) >= now - 6 * 3600000 && ms(a) <= now).length / 6;
    const age = (now - last) / 3600000;
    scores.set(
      story,
      (0.55 * (n / (n + 5)) +
        0.15 * (recent / (recent + 1)) +
        0.3 * (list.length / (list.length + 10))) *
        (0.75 + 0.25 * 2 ** (-age / 12)),
    );
  }
  return { breadth, cells, outlets, lowBreadth, blindspots, scores };
}
