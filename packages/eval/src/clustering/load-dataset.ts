import { join } from 'node:path';
import {
  type Article,
  articleIdFromUrl,
  type Diagnostic,
  NewsloomError,
  parseArticle,
  readJsonl,
} from '@newsloom/core';

/** A clustering dataset: articles and their gold story labels (never given to a clusterer). */
export interface ClusteringDataset {
  name: string;
  articles: Article[];
  gold: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Loads a clustering dataset folder: `articles.jsonl` (interchange form, through `parseArticle`)
 * and `labels.jsonl` (`{"id", "story"}`). Bad lines become diagnostics.
 *
 * @example
 * ```ts
 * const data = await loadClusteringDataset('../shared/data/clustering/basil');
 * data.articles.length; // 299
 * ```
 * @throws {NewsloomError} `NOT_FOUND` when a file is missing.
 */
export async function loadClusteringDataset(folder: string): Promise<ClusteringDataset> {
  const diagnostics: Diagnostic[] = [];
  const onDiagnostic = (d: Diagnostic): void => {
    diagnostics.push(d);
  };
  const articles: Article[] = [];
  for await (const article of readJsonl(join(folder, 'articles.jsonl'), {
    parse: parseArticle,
    onDiagnostic,
  })) {
    articles.push(article);
  }
  const labels = await loadGoldLabels(join(folder, 'labels.jsonl'));
  diagnostics.push(...labels.diagnostics);
  const { gold } = labels;
  return {
    name: folder.split(/[\\/]/).filter(Boolean).pop() ?? folder,
    articles,
    gold,
    diagnostics,
  };
}

/** Gold story labels: article id → gold story, and the lines that were not labels. */
export interface GoldLabels {
  gold: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Loads gold story labels from JSON Lines `{"id" or "url", "story"}` (a `url` gives the
 * article id it canonicalises to). Bad lines become diagnostics naming the line.
 *
 * @example
 * ```ts
 * const { gold } = await loadGoldLabels('labels.jsonl');
 * gold.get('a-1f2e…'); // 'quake'
 * ```
 * @throws {NewsloomError} `NOT_FOUND` when the file is missing.
 */
export async function loadGoldLabels(path: string): Promise<GoldLabels> {
  const diagnostics: Diagnostic[] = [];
  const gold = new Map<string, string>();
  const lines = readJsonl(path, { parse: parseLabel, onDiagnostic: (d) => diagnostics.push(d) });
  for await (const label of lines) gold.set(label.id, label.story);
  return { gold, diagnostics };
}

function parseLabel(value: unknown): { id: string; story: string } {
  const record = value as { id?: unknown; url?: unknown; story?: unknown } | null;
  const story = record?.story;
  if (typeof story !== 'string' && typeof story !== 'number')
    throw new NewsloomError('INVALID_INPUT', 'label line needs "story" (a string or number)');
  if (typeof record?.id === 'string') return { id: record.id, story: String(story) };
  if (typeof record?.url === 'string')
    return { id: articleIdFromUrl(record.url), story: String(story) };
  throw new NewsloomError('INVALID_INPUT', 'label line needs "id" or "url" (a string)');
}
