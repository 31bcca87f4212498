// What the numbers were measured on. Benchmarks on a shared 2-core machine are only comparable
// side by side within one run, so the table says which machine and how busy it was.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  model: string;
  memoryGiB: number;
  node: string;
  loadAverage: string;
}

export function describeMachine(): Machine {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    // /proc/cpuinfo names the model even where os.cpus() gives a generic string.
    const line = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
    if (line?.[1]) model = line[1].trim();
  } catch {
    // not Linux: keep os.cpus()'s answer
  }
  return {
    cores: cpus().length,
    model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: currentLoad(),
  };
}

/** 1-, 5- and 15-minute load averages: above the core count, others were competing for the CPU. */
export function currentLoad(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** A sentence for the table's header when other work competed for the CPU during the run. */
export function busyWarning(machine: Machine): string | null {
  const peak = Math.max(loadavg()[0] ?? 0, Number(machine.loadAverage.split(' / ')[0]));
  return peak > machine.cores
    ? `**Busy machine**: 1-minute load average up to ${peak.toFixed(1)} on ${machine.cores} cores. ` +
        'Requests per second and latencies then swing from run to run; CPU per request and ' +
        'first-load size hold steady, LCP less so.'
    : null;
}

export function machineLine(machine: Machine): string {
  return (
    `${machine.cores} cores, ${machine.model}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
    `load average ${machine.loadAverage} at start`
  );
}
