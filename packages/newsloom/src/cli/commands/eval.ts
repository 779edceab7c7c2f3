import { resolve } from 'node:path';
import { NewsloomError } from '@newsloom/core';
import { type Command, stringOption } from '../command';
import { UsageError } from '../exit-codes';
import { nonEmpty } from '../options';
import { plural } from '../text';
import { checkInputFile } from '../write-output';
import { READONLY_OPTIONS } from './read-only';

const f = (n: number) => n.toFixed(3);

/**
 * `newsloom eval`: read-only; scores the stories in the store against gold labels read by
 * `@newsloom/eval`'s validated loader (imported only when this command runs).
 * @example await main(['eval', '--labels', 'labels.jsonl'], processIo())
 */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the stored stories against gold story labels (B-cubed, pairwise, ARI)',
  usage: 'newsloom eval --labels FILE.jsonl [--readonly]',
  readOnly: true,
  options: {
    labels: {
      type: 'string',
      value: 'FILE',
      description: 'gold labels, JSON lines {"url" or "id", "story"} (required)',
      check: nonEmpty,
    },
    ...READONLY_OPTIONS,
  },
  async run(context) {
    const labels = stringOption(context.values, 'labels');
    if (!labels)
      throw new UsageError(
        'give the gold labels with --labels FILE (JSON lines {"url" or "id", "story"})',
        'eval',
      );
    const path = resolve(context.io.cwd, labels);
    checkInputFile(path, '--labels');
    const metrics = await import('@newsloom/eval');
    const { gold, diagnostics } = await metrics.loadGoldLabels(path);
    if (gold.size === 0)
      throw new NewsloomError(
        'INVALID_INPUT',
        `${path} has no labels: expected JSON lines {"url" or "id", "story"}${diagnostics[0] ? ` (${diagnostics[0].message})` : ''}`,
      );
    const store = await context.openStoreToRead();
    const predicted = metrics.assignmentFromStories(await store.getStories());
    const covered = new Map([...gold].filter(([id]) => predicted.has(id)));
    if (covered.size === 0)
      throw new NewsloomError(
        'INVALID_INPUT',
        `none of the ${plural(gold.size, 'labelled article')} is in a stored story: ingest them, then run "newsloom digest" (or cluster)`,
      );
    const result = {
      labelled: gold.size,
      evaluated: covered.size,
      skippedLines: diagnostics.length,
      bcubed: metrics.bcubed(predicted, covered),
      pairwise: metrics.pairwise(predicted, covered),
      adjustedRandIndex: metrics.adjustedRandIndex(predicted, covered),
      clusters: metrics.clusterCounts(predicted, covered),
    };
    const { bcubed: b, pairwise: p } = result;
    context.print(
      `${result.evaluated} of ${plural(result.labelled, 'labelled article')} evaluated\nB-cubed   P ${f(b.precision)}  R ${f(b.recall)}  F1 ${f(b.f1)}\npairwise  P ${f(p.precision)}  R ${f(p.recall)}  F1 ${f(p.f1)}\nARI ${f(result.adjustedRandIndex)}`,
      result,
    );
    if (diagnostics.length > 0)
      context.warn(
        `newsloom: ${plural(diagnostics.length, 'label line')} skipped (first: ${diagnostics[0]?.message})`,
      );
    return 0;
  },
};
