/** The machine a run happened on, for the report. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** What the figures depend on. */
export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started and when it ended: this machine is shared. */
  loadAverage: { start: number; end: number | null };
}

/** Describes this machine (`nproc` as the shell sees it: cgroup and affinity limits included). */
export function describeMachine(): MachineInfo {
  let nproc = availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // keep availableParallelism()
  }
  return {
    nproc,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: { start: Math.round((loadavg()[0] ?? 0) * 100) / 100, end: null },
  };
}

/** Records the load average at the end of the run. */
export function finishMachine(machine: MachineInfo): MachineInfo {
  return { ...machine, loadAverage: { ...machine.loadAverage, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 } };
}
