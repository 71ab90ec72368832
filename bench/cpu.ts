// CPU time of a process and everything it started (a cluster primary and its workers), from Linux's /proc:
// the cost of a run free of what else the two shared cores were doing.
import { readFileSync } from 'node:fs';

/** A process's own CPU time so far, in milliseconds (user + system; clock ticks are 10 ms); undefined once it is gone. */
function ownCpuMillis(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The processes a process started and that still run (through each of its threads). */
function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return tasks.split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU milliseconds of these processes and their descendants; undefined where /proc cannot be read for one
 * of them (a descendant that ended in between is left out).
 */
export function treeCpuMillis(pids: readonly number[]): number | undefined {
  let total = 0;
  for (const pid of pids) {
    const own = ownCpuMillis(pid);
    if (own === undefined) return undefined;
    total += own + descendantsCpuMillis(pid);
  }
  return total;
}

function descendantsCpuMillis(pid: number): number {
  return childrenOf(pid).reduce((sum, child) => sum + (ownCpuMillis(child) ?? 0) + descendantsCpuMillis(child), 0);
}
