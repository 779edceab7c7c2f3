// Custom summariser: your model behind the Summarizer port. newsloom validates its draft and
// verifies every sentence against the articles; an unsupported sentence is replaced by a
// supported extractive one or dropped (counted in `replacedSentences`).
// `pnpm --filter @newsloom/example-custom-summarizer start`.
import { fileURLToPath } from 'node:url';
import { createMemoryStore, createPipeline, type Summarizer } from 'newsloom';
import { createFakeModel } from './fake-model';

/** A few articles in the interchange form (what datasets and JSONL archives hold). */
export const ARTICLES = [
  {
    url: 'https://north.example/bridge',
    outlet: 'North Daily',
    title: 'New suspension bridge opens across the river',
    summary:
      'A new suspension bridge opened across the river on Friday after four years of construction. The bridge carries four lanes of traffic and a cycle path.',
    publishedAt: '2024-05-10T09:00:00Z',
  },
  {
    url: 'https://south.example/bridge-opens',
    outlet: 'South Courier',
    title: 'River bridge opens to traffic after four years of work',
    summary:
      'The suspension bridge across the river opened to traffic on Friday. Construction took four years and the bridge includes a cycle path.',
    publishedAt: '2024-05-10T10:30:00Z',
  },
];

/** Runs the pipeline with a model summariser and returns the verified summaries. */
export async function summarizeWithFakeModel(summarizer: Summarizer = createFakeModel()) {
  const pipeline = createPipeline({ store: createMemoryStore(), summarizer });
  try {
    await pipeline.ingestArticles(ARTICLES);
    const { edition } = await pipeline.run({ fetch: false });
    return edition.summaries;
  } finally {
    await pipeline.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const summary of await summarizeWithFakeModel()) {
    console.log(
      `${summary.headline}  [${summary.method}, ${summary.replacedSentences} sentence(s) replaced or dropped]`,
    );
    for (const section of summary.sections) {
      console.log(
        `  ${section.heading}: ${section.sentences.map((s) => `${s.text} [${s.citations.join('][')}]`).join(' ')}`,
      );
    }
  }
}
