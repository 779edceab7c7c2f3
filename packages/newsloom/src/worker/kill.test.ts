import { describe, expect, it } from 'vitest';
import { testUrl } from './testing/deployment';
import { KILL_TRIAL_ITEMS, killTrial } from './testing/kill-trial';

// One trial here (CI time); `pnpm --filter newsloom bench:workers --kill-trials 10` runs ten.
describe.skipIf(testUrl === undefined)('killed newsloom workers', () => {
  it('a worker SIGKILLed mid-fetch and the clusterer SIGKILLed mid-run lose and duplicate nothing', async () => {
    const trial = await killTrial(testUrl ?? '');
    expect(trial.victimSignal).toBe('SIGKILL');
    expect(trial.survivorCodes).toEqual([0, 0]);
    expect(trial.violations).toEqual([]);
    expect(trial.counts).toEqual([KILL_TRIAL_ITEMS, KILL_TRIAL_ITEMS, KILL_TRIAL_ITEMS]);
    // Killed before its commit: nothing of the run was stored.
    expect(trial.revisionAfterKill).toBeUndefined();
    expect(trial.takeoverMs).toBeLessThan(30_000);
    expect(Object.keys(trial.stories).length).toBeGreaterThan(0);
    expect(trial.stories).toEqual(trial.singleProcess);
  }, 480_000);
});
