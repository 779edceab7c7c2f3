import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a set's articles are cut: whole, title only, or title + the first sentence of the lead. */
export type TextVariant = 'full' | 'titles' | 'lede';
/** The whole set, or the stories of its first or second half in time. */
export type Half = 'all' | 'h1' | 'h2';

/** One variant folder written by {@link writeVariants}. */
export interface VariantFolder {
  /** `<set>` for the whole full-text set, else `<set>/<variant>[/<half>]`. */
  name: string;
  set: string;
  variant: TextVariant;
  half: Half;
  folder: string;
}

interface Row {
  id: string;
  publishedAt: string;
  title?: string;
  summary?: string;
  text?: string;
  [field: string]: unknown;
}

export const VARIANTS: readonly TextVariant[] = ['full', 'titles', 'lede'];
export const HALVES: readonly Half[] = ['all', 'h1', 'h2'];

const lines = (path: string): unknown[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);

/** The first sentence of a text (at most 40 words), or the text when it has no sentence end. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?]["”’']?\s+(?=["“‘'(]?[A-Z0-9])/);
  const sentence = end < 0 ? flat : flat.slice(0, end + 1);
  return sentence.split(' ').slice(0, 40).join(' ');
}

function cut(row: Row, variant: TextVariant): Row {
  if (variant === 'full') return row;
  const { summary, text, ...rest } = row;
  if (variant === 'titles') return rest;
  const lead = firstSentence(summary || text || '');
  return lead ? { ...rest, summary: lead } : rest;
}

// Story ids of the first half of the set's stories, ordered by their first article's time.
function firstHalf(rows: readonly Row[], gold: ReadonlyMap<string, string>): Set<string> {
  const start = new Map<string, number>();
  for (const row of rows) {
    const story = gold.get(row.id);
    if (story === undefined) continue;
    start.set(story, Math.min(start.get(story) ?? Infinity, Date.parse(row.publishedAt)));
  }
  const order = [...start].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(order.slice(0, Math.ceil(order.length / 2)).map(([story]) => story));
}

function write(folder: string, rows: readonly Row[], gold: ReadonlyMap<string, string>): void {
  mkdirSync(folder, { recursive: true });
  const text = (xs: readonly unknown[]) => xs.map((x) => `${JSON.stringify(x)}\n`).join('');
  writeFileSync(join(folder, 'articles.jsonl'), text(rows));
  writeFileSync(
    join(folder, 'labels.jsonl'),
    text(rows.map((r) => ({ id: r.id, story: gold.get(r.id) ?? `unlabelled-${r.id}` }))),
  );
}

/**
 * Writes, under `outDir`, every text variant of the set in `folder` (whole, and its two halves
 * in time: the stories that start first, then the rest) and returns them, whole set first.
 * Made at run time from the shared data, never committed.
 */
export function writeVariants(folder: string, outDir: string): VariantFolder[] {
  const set = folder.split(/[\\/]/).filter(Boolean).pop() ?? folder;
  const rows = lines(join(folder, 'articles.jsonl')) as Row[];
  const gold = new Map<string, string>();
  for (const r of lines(join(folder, 'labels.jsonl')) as { id: string; story: unknown }[]) {
    gold.set(r.id, String(r.story));
  }
  const early = firstHalf(rows, gold);
  const out: VariantFolder[] = [];
  for (const variant of VARIANTS) {
    for (const half of HALVES) {
      const kept =
        half === 'all'
          ? rows
          : rows.filter((r) => early.has(gold.get(r.id) ?? '') === (half === 'h1'));
      const name = [
        set,
        variant === 'full' && half === 'all' ? '' : variant,
        half === 'all' ? '' : half,
      ]
        .filter(Boolean)
        .join('/');
      const target = join(outDir, set, variant, half);
      write(
        target,
        kept.map((r) => cut(r, variant)),
        gold,
      );
      out.push({ name, set, variant, half, folder: target });
    }
  }
  return out;
}
