// Parses every article of ../shared/data/clustering/*/articles.jsonl through parseArticle and
// checks that given ids are kept and derived values are stable across two passes.
//   pnpm --filter @newsloom/core check:datasets
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, parseArticle, readJsonl } from '../src/index';

const dataRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/clustering',
);

async function checkFile(path: string): Promise<boolean> {
  const diagnostics: Diagnostic[] = [];
  const first: string[] = [];
  let keptIds = 0;
  for await (const raw of readJsonl<Record<string, unknown>>(path)) {
    try {
      const article = parseArticle(raw);
      if (article.id === raw.id) keptIds += 1;
      first.push(
        `${article.id} ${article.canonicalUrl} ${article.outletId} ${article.publishedAt}`,
      );
    } catch (error) {
      diagnostics.push({ severity: 'error', code: 'PARSE', message: String(error) });
    }
  }
  let stable = 0;
  let index = 0;
  for await (const article of readJsonl(path, { parse: parseArticle })) {
    if (
      first[index] ===
      `${article.id} ${article.canonicalUrl} ${article.outletId} ${article.publishedAt}`
    )
      stable += 1;
    index += 1;
  }
  const ok = diagnostics.length === 0 && keptIds === first.length && stable === first.length;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${path}: ${first.length} parsed, ${diagnostics.length} failed, ${keptIds} ids kept, ${stable} stable`,
  );
  for (const d of diagnostics.slice(0, 5)) console.log(`     ${d.message}`);
  return ok;
}

if (!existsSync(dataRoot)) {
  console.log(
    `dataset missing: ${dataRoot} (the shared data folder sits beside the repository); nothing to check`,
  );
} else {
  let allOk = true;
  for (const name of readdirSync(dataRoot).sort()) {
    const path = join(dataRoot, name, 'articles.jsonl');
    if (existsSync(path)) allOk = (await checkFile(path)) && allOk;
  }
  process.exitCode = allOk ? 0 : 1;
}
