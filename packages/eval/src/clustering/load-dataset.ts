import { join } from 'node:path';
import {
  type Article,
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
  const gold = new Map<string, string>();
  for await (const label of readJsonl(join(folder, 'labels.jsonl'), {
    parse: parseLabel,
    onDiagnostic,
  })) {
    gold.set(label.id, label.story);
  }
  return {
    name: folder.split(/[\\/]/).filter(Boolean).pop() ?? folder,
    articles,
    gold,
    diagnostics,
  };
}

function parseLabel(value: unknown): { id: string; story: string } {
  const record = value as { id?: unknown; story?: unknown } | null;
  if (
    typeof record?.id !== 'string' ||
    (typeof record.story !== 'string' && typeof record.story !== 'number')
  ) {
    throw new NewsloomError('INVALID_INPUT', 'label line needs string "id" and "story"');
  }
  return { id: record.id, story: String(record.story) };
}
