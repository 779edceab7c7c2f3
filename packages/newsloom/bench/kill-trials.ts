// `bench:workers --kill-trials N`: N kill trials (see src/worker/testing/kill-trial.ts), each
// reported on one line, then how many passed every check.
import {
  KILL_TRIAL_ITEMS,
  type KillTrialResult,
  killTrial,
} from '../src/worker/testing/kill-trial';

/** The checks a trial failed (empty: it passed). */
export function killTrialProblems(trial: KillTrialResult): string[] {
  const problems: string[] = [];
  const [rows, ids, urls] = trial.counts;
  if (rows !== KILL_TRIAL_ITEMS || ids !== KILL_TRIAL_ITEMS || urls !== KILL_TRIAL_ITEMS) {
    problems.push(`articles ${trial.counts.join('/')} (expected ${KILL_TRIAL_ITEMS} once each)`);
  }
  if (trial.victimSignal !== 'SIGKILL') problems.push('the fetch victim was not SIGKILLed');
  if (trial.survivorCodes.some((code) => code !== 0)) problems.push('a survivor did not exit 0');
  if (trial.violations.length > 0)
    problems.push(`${trial.violations.length} politeness violations`);
  if (trial.revisionAfterKill !== undefined) problems.push('the killed run left a commit');
  if (trial.takeoverMs >= 30_000) problems.push(`takeover took ${trial.takeoverMs} ms`);
  if (JSON.stringify(trial.stories) !== JSON.stringify(trial.singleProcess)) {
    problems.push('stories differ from a single process over the same articles');
  }
  return problems;
}

/**
 * Runs `trials` trials one after another and prints each.
 * @example await runKillTrials(url, 10)
 */
export async function runKillTrials(url: string, trials: number): Promise<number> {
  let passed = 0;
  for (let n = 1; n <= trials; n += 1) {
    const started = performance.now();
    const trial = await killTrial(url);
    const problems = killTrialProblems(trial);
    if (problems.length === 0) passed += 1;
    const stories = Object.keys(trial.stories).length;
    console.log(
      `trial ${n}/${trials}: ${problems.length === 0 ? 'ok' : `FAILED (${problems.join('; ')})`} — ` +
        `${trial.counts[0]} articles stored once, ${stories} stories identical to one process: ` +
        `${JSON.stringify(trial.stories) === JSON.stringify(trial.singleProcess)}, clustering ` +
        `resumed ${(trial.takeoverMs / 1000).toFixed(1)} s after the leader's death, ` +
        `${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  console.log(`kill trials: ${passed}/${trials} passed every check`);
  return passed;
}
