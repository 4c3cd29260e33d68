// Where a benchmark's runs spent the machine's cores, by kind of process (Linux /proc): the parties
// of a benchmark (the server's process, PostgreSQL, the simulated devices in this process, Chromium)
// share two cores, and a ratio is only as good as the share its side got.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Which processes make up a kind, by their command line (and pid); a process is of the first kind that takes it. */
export type CpuKinds = Record<string, (cmdline: string, pid: number) => boolean>;

export interface CpuMeter {
  /** Runs `work`, adding the CPU seconds each kind used meanwhile to `totals`. */
  measure<T>(work: () => Promise<T>): Promise<T>;
  /** CPU seconds per kind over every measured run. */
  readonly totals: Record<string, number>;
  /** The measured runs: how many, and their wall time in all (seconds). */
  readonly runs: { count: number; seconds: number };
  /** Whether this machine tells (a /proc filesystem); otherwise totals stay 0. */
  readonly available: boolean;
}

function ticksOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command's name in parentheses (which may hold spaces): utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined; // ended meanwhile
  }
}

/** Ticks per kind of every process now running (a process that ended between two snapshots is not counted). */
function snapshot(kinds: CpuKinds, cmdlines: Map<string, string>): Map<string, { kind: string; ticks: number }> {
  const found = new Map<string, { kind: string; ticks: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmdline = cmdlines.get(pid);
    if (cmdline === undefined) {
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      } catch {
        continue;
      }
    }
    const kind = Object.keys(kinds).find((name) => kinds[name]!(cmdline, Number(pid)));
    if (kind === undefined) continue;
    // A process's title may change as it starts (PostgreSQL's backends): keep it only once it is known.
    cmdlines.set(pid, cmdline);
    const ticks = ticksOf(pid);
    if (ticks !== undefined) found.set(pid, { kind, ticks });
  }
  return found;
}

export function cpuMeter(kinds: CpuKinds): CpuMeter {
  const available = (() => {
    try {
      return readdirSync('/proc').includes(String(process.pid));
    } catch {
      return false;
    }
  })();
  const totals: Record<string, number> = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, 0]));
  const cmdlines = new Map<string, string>();
  const runs = { count: 0, seconds: 0 };
  return {
    totals,
    runs,
    available,
    async measure(work) {
      if (!available) return work();
      const before = snapshot(kinds, cmdlines);
      const started = performance.now();
      const result = await work();
      runs.seconds += (performance.now() - started) / 1000;
      runs.count++;
      for (const [pid, { kind, ticks }] of snapshot(kinds, cmdlines)) {
        totals[kind]! += (ticks - (before.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
      }
      return result;
    },
  };
}

/** A PostgreSQL process (the postmaster or one of its backends, whose title replaces the command line). */
export function isPostgres(cmdline: string): boolean {
  return cmdline.startsWith('postgres: ') || cmdline.includes('/bin/postgres ');
}

/** One line of the CPU each kind used per run and the run's wall time (means over the runs): how far a side was bound by the cores. */
export function printCpu(label: string, meter: CpuMeter): void {
  const { count, seconds } = meter.runs;
  if (!meter.available || count === 0) return;
  const kinds = Object.entries(meter.totals).map(([kind, cpu]) => `${kind} ${(cpu / count).toFixed(2)} s`);
  const busy = Object.values(meter.totals).reduce((sum, cpu) => sum + cpu, 0);
  console.log(`  CPU per run (mean), ${label}: ${kinds.join(', ')}; ${(busy / count).toFixed(2)} s in ${(seconds / count).toFixed(2)} s: ${(busy / seconds).toFixed(2)} cores busy`);
}
