import { clusterArticles } from '@newsloom/cluster';
import { HALVES, VARIANTS } from './cluster-variants';
import { linkPrecision } from './link-precision';
import { baselineF1, f1Of, type LoadedVariant, spread, withVariants } from './variant-scores';

const f = (x: number | undefined): string => (x === undefined ? '  —   ' : x.toFixed(4));

function table(
  variants: readonly LoadedVariant[],
  ours: Map<string, number>,
  theirs: Map<string, number>,
) {
  console.log(
    'set               | variant | whole F1 (baseline) | first half | second half | max |half − whole|',
  );
  for (const set of [...new Set(variants.map((v) => v.set))]) {
    for (const variant of VARIANTS) {
      const names = HALVES.map(
        (h) =>
          variants.find((v) => v.set === set && v.variant === variant && v.half === h)?.name ?? '',
      );
      const [whole, h1, h2] = names.map((n) => ours.get(n));
      const gap = Math.max(Math.abs((h1 ?? 0) - (whole ?? 0)), Math.abs((h2 ?? 0) - (whole ?? 0)));
      const cells = [
        set.padEnd(17),
        variant.padEnd(7),
        `${f(whole)} (${f(theirs.get(names[0] ?? ''))})`.padEnd(19),
        `${f(h1)} (${f(theirs.get(names[1] ?? ''))})`,
        `${f(h2)} (${f(theirs.get(names[2] ?? ''))})`,
        gap.toFixed(4),
      ];
      console.log(cells.join(' | '));
    }
  }
}

/**
 * Prints newsloom's and the baseline's B-cubed F1 on every text variant and half of every set,
 * and the mean, minimum and maximum over all of them.
 */
export async function printVariants(): Promise<void> {
  await withVariants((variants) => {
    console.log(
      '\nvariants: titles = title only, lede = title + first sentence; halves = stories starting in the first / second half of the set in time',
    );
    console.log(
      'baseline: threshold tuned per variant on the whole allsides-2021-dev of that variant',
    );
    const ours = new Map(variants.map((v) => [v.name, f1Of(v)]));
    const theirs = baselineF1(variants);
    table(variants, ours, theirs);
    printLinks(variants);
    for (const [system, scores] of [
      ['newsloom', ours],
      ['baseline', theirs],
    ] as const) {
      if (scores.size === 0) continue;
      const s = spread([...scores.values()]);
      console.log(
        `${system}: mean B3 F1 over ${scores.size} sets, variants and halves ${s.mean.toFixed(4)} (min ${s.min.toFixed(4)}, max ${s.max.toFixed(4)})`,
      );
    }
  });
}

// Link precision of the storyline links on each whole set and variant.
function printLinks(variants: readonly LoadedVariant[]): void {
  console.log(
    '\nstoryline links ("stories about this story"): wrong = no shared gold story and no shared salient entity',
  );
  for (const v of variants.filter((x) => x.half === 'all')) {
    const l = linkPrecision(clusterArticles(v.data.articles), v.data.articles, v.data.gold);
    console.log(
      `${v.name.padEnd(26)} links ${String(l.links).padStart(4)}  precision ${l.precision.toFixed(3)}  per story mean ${l.meanPerStory.toFixed(2)} max ${l.maxPerStory}`,
    );
  }
}
