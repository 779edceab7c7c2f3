// Child process of the fault suite: one pipeline step on a SQLite database, as a user's
// `newsloom ingest` / `cluster` / `digest` would run it. FAULT_STOP=state-read|committed makes it
// stop itself (SIGSTOP) at that point once, so the parent can force an interleaving.
import type { ArticleStore } from '@newsloom/core';
import { openSqliteStore } from '@newsloom/store';
import { createPipeline } from '../../src/pipeline/create-pipeline';

const [step, path, jsonl] = process.argv.slice(2);
if (step === undefined || path === undefined) throw new Error('usage: worker <step> <db> [jsonl]');
const stopAt = process.env.FAULT_STOP;
let stopped = false;
function stopHere(point: string): void {
  if (stopAt !== point || stopped) return;
  stopped = true;
  process.stdout.write(`stopping at ${point}\n`);
  process.kill(process.pid, 'SIGSTOP');
}

const store = openSqliteStore({ path, busyTimeoutMs: 30_000 });
const watched: ArticleStore = Object.create(store);
watched.loadPipelineState = async () => {
  const state = await store.loadPipelineState();
  stopHere('state-read');
  return state;
};
watched.commitClusterRun = async (run) => {
  const counts = await store.commitClusterRun(run);
  stopHere('committed');
  return counts;
};
const pipeline = createPipeline({ store: watched });
process.stdout.write('ready\n');
if (step === 'ingest' && jsonl) {
  const result = await pipeline.ingestJsonl(jsonl);
  process.stdout.write(`ingested ${result.inserted}\n`);
} else if (step === 'cluster') {
  const result = await pipeline.cluster();
  process.stdout.write(`clustered ${result.newArticles} retries ${result.retries}\n`);
} else if (step === 'digest') {
  const result = await pipeline.run({ fetch: false });
  process.stdout.write(`digest ${result.cluster.newArticles} ${result.edition.stories.length}\n`);
} else {
  throw new Error(`unknown step ${step}`);
}
await pipeline.close();
process.stdout.write('done\n');
