import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Machine } from './results';

/** The machine this runs on: cores, CPU model, node version, load. */
export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    // Not Linux: the os module's model name is what there is.
  }
  const nproc = spawnSync('nproc', { encoding: 'utf8' });
  return {
    nproc: Number(nproc.stdout?.trim()) || cpus().length,
    cpu,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    load: Math.round(loadavg()[0]! * 100) / 100,
  };
}
