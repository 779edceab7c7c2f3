import { resolve } from 'node:path';
import { articleIdFromUrl, NewsloomError, readJsonl } from '@newsloom/core';
import {
  adjustedRandIndex,
  assignmentFromStories,
  bcubed,
  clusterCounts,
  pairwise,
} from '@newsloom/eval';
import { type Command, stringOption } from '../command';

/** Reads gold labels: JSONL lines `{"id" | "url", "story"}` → article id → gold story. */
async function readLabels(path: string): Promise<Map<string, string>> {
  const gold = new Map<string, string>();
  const lines = readJsonl<{ id?: string; url?: string; story?: string }>(path);
  for await (const line of lines) {
    const id = line.url ? articleIdFromUrl(line.url) : line.id;
    if (id && line.story) gold.set(id, String(line.story));
  }
  if (gold.size === 0)
    throw new NewsloomError(
      'INVALID_INPUT',
      `${path} has no labels: expected JSON lines {"url" or "id", "story"}`,
    );
  return gold;
}

/**
 * `newsloom eval`.
 * @example await main(['eval', '--labels', 'labels.jsonl'], processIo())
 */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the stored stories against gold story labels (B-cubed, pairwise, ARI)',
  usage: 'newsloom eval --labels FILE.jsonl',
  options: { labels: { type: 'string' } },
  async run(context) {
    const labels = stringOption(context.values, 'labels');
    if (!labels)
      throw new NewsloomError(
        'INVALID_INPUT',
        'give the gold labels with --labels FILE.jsonl (lines {"url" or "id", "story"})',
      );
    const gold = await readLabels(resolve(context.io.cwd, labels));
    const pipeline = context.openPipeline();
    await pipeline.cluster();
    const edition = await pipeline.edition({ all: true });
    const predicted = assignmentFromStories(edition.stories);
    const covered = new Map([...gold].filter(([id]) => predicted.has(id)));
    if (covered.size === 0)
      throw new NewsloomError(
        'INVALID_INPUT',
        `none of the ${gold.size} labelled articles is in the store: ingest them first`,
      );
    const result = {
      labelled: gold.size,
      evaluated: covered.size,
      bcubed: bcubed(predicted, covered),
      pairwise: pairwise(predicted, covered),
      adjustedRandIndex: adjustedRandIndex(predicted, covered),
      clusters: clusterCounts(predicted, covered),
    };
    const f = (n: number) => n.toFixed(3);
    context.print(
      `${result.evaluated} of ${result.labelled} labelled articles evaluated\nB-cubed   P ${f(result.bcubed.precision)}  R ${f(result.bcubed.recall)}  F1 ${f(result.bcubed.f1)}\npairwise  P ${f(result.pairwise.precision)}  R ${f(result.pairwise.recall)}  F1 ${f(result.pairwise.f1)}\nARI ${f(result.adjustedRandIndex)}`,
      result,
    );
    return 0;
  },
};
