import {
  type Article,
  type ArticleInput,
  type ArticleStore,
  type Diagnostic,
  NewsloomError,
  type Outlet,
  OutletSchema,
  parseArticle,
  readJsonl,
} from '@newsloom/core';
import type { ImportJsonlOptions, ImportResult } from './types';

/**
 * Imports the articles of a JSON Lines file (interchange or model form, see `parseArticle`; a
 * `storyId` field from an export is ignored) into any `ArticleStore`, one writer transaction per
 * batch. Bad lines are diagnostics and skipped; invalid UTF-8 is a warning naming the line and
 * byte offset; a second article with a canonical URL already seen in this import is counted in
 * `duplicateUrls` (with a diagnostic) and skipped. Re-running the same import adds nothing.
 * @example const { inserted, duplicateUrls } = await importArticlesJsonl(store, 'articles.jsonl')
 * @throws {NewsloomError} `NOT_FOUND` for a missing file; `ABORTED` when `signal` aborts.
 */
export async function importArticlesJsonl(
  store: ArticleStore,
  path: string,
  options: ImportJsonlOptions = {},
): Promise<ImportResult> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const result: ImportResult = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    duplicateUrls: 0,
    batches: 0,
  };
  const report = (diagnostic: Diagnostic) => {
    if (diagnostic.severity === 'error') result.skipped += 1;
    options.onDiagnostic?.(diagnostic);
  };
  const defaults = options.defaults ?? {};
  const lines = readJsonl(path, {
    parse: (value) => parseArticle(withDefaults(value, defaults) as ArticleInput),
    onDiagnostic: report,
  });
  const outlets = options.registerOutlets ? await knownOutlets(store) : undefined;
  const urls = new Map<string, string>();
  let batch: Article[] = [];
  const flush = async () => {
    if (options.signal?.aborted) throw aborted(path);
    if (outlets) await registerOutlets(store, outlets, batch);
    const counts = await store.upsertArticles(batch);
    result.inserted += counts.inserted;
    result.updated += counts.updated;
    result.unchanged += counts.unchanged;
    options.onBatch?.(result.batches, counts);
    result.batches += 1;
    batch = [];
  };
  for await (const article of lines) {
    const owner = urls.get(article.canonicalUrl);
    if (owner !== undefined && owner !== article.id) {
      result.duplicateUrls += 1;
      report(duplicate(path, article, owner));
      continue;
    }
    urls.set(article.canonicalUrl, article.id);
    batch.push(article);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}

function withDefaults(value: unknown, defaults: Partial<ArticleInput>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!('storyId' in value)) return { ...defaults, ...value };
  const { storyId: _storyId, ...rest } = value as Record<string, unknown>;
  return { ...defaults, ...rest };
}

function duplicate(path: string, article: Article, owner: string): Diagnostic {
  return {
    severity: 'info',
    code: 'DUPLICATE_URL',
    message:
      `${path}: article ${article.id} has the canonical URL ${article.canonicalUrl} of article ` +
      `${owner} earlier in the file: duplicate URL, skipped`,
    subject: path,
  };
}

async function knownOutlets(store: ArticleStore): Promise<Set<string>> {
  return new Set((await store.listOutlets()).map((outlet) => outlet.id));
}

/** Registers the outlets a batch names that the store does not know yet (id and name only). */
async function registerOutlets(
  store: ArticleStore,
  known: Set<string>,
  articles: readonly Article[],
): Promise<void> {
  const fresh = new Map<string, Outlet>();
  for (const a of articles) {
    if (known.has(a.outletId) || fresh.has(a.outletId)) continue;
    const name = a.outletName ?? a.outletId;
    fresh.set(a.outletId, OutletSchema.parse({ id: a.outletId, name, attributes: [], meta: {} }));
  }
  if (fresh.size === 0) return;
  await store.upsertOutlets([...fresh.values()]);
  for (const id of fresh.keys()) known.add(id);
}

function aborted(path: string): NewsloomError {
  return new NewsloomError(
    'ABORTED',
    `the import of ${path} was cancelled; the store holds every batch committed before it`,
  );
}
