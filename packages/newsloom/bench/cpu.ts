// CPU accounting of the bench from Linux /proc: the workers' processes, PostgreSQL's (every
// process of the server's user, backends included) and the bench's own (the feed server).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used (0 when it is gone or not on Linux). */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of every live process whose command is `postgres`, by pid. */
function postgresCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return cpu;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      cpu.set(Number(entry), cpuSecondsOf(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return cpu;
}

/**
 * Starts counting the CPU of PostgreSQL's processes (a backend that ends before `stop` is
 * missed: read before the workers close their connections) and of this process.
 * @example const meter = startCpuMeter(); …; const { postgres, bench } = meter.stop()
 */
export function startCpuMeter() {
  const before = postgresCpu();
  const own = process.cpuUsage();
  return {
    stop(): { postgres: number; bench: number } {
      let postgres = 0;
      for (const [pid, seconds] of postgresCpu()) postgres += seconds - (before.get(pid) ?? 0);
      const used = process.cpuUsage(own);
      return { postgres, bench: (used.user + used.system) / 1e6 };
    },
  };
}
