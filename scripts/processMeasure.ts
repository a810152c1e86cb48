/**
 * Measuring a command as a user runs it, for the benchmarks (`bench:cli`, and `npm run bench`'s command-line
 * row): wall time, CPU time and peak resident memory of the whole process tree, read from /proc.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';

export interface Run {
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  code: number | null;
  outputBytes: number;
}

/** The pids of a process and its descendants (the CLI's threads share its pid; shards are processes). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${pids[i]}/task`)) {
        const children = fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // Exited meanwhile.
    }
  }
  return pids;
}

/** VmHWM and CPU time of one process, if it is still there. */
function sample(pid: number): { hwm: number; cpuMs: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { hwm: Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024, cpuMs: (ticks * 1000) / 100 };
  } catch {
    return undefined;
  }
}

/**
 * Runs a shell command, polling the process tree every 5 ms: peak memory is the largest sum of the
 * tree's VmHWM seen, CPU time the last total seen per process (so the final few milliseconds of a
 * process may be missed).
 */
export function measure(command: string, output: string, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(output, 'w');
    const t0 = performance.now();
    const child = spawn('/bin/sh', ['-c', command], { cwd, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const peaks = new Map<number, { hwm: number; cpuMs: number }>();
    let peakRss = 0;
    const poll = setInterval(() => {
      let total = 0;
      for (const pid of processTree(child.pid!)) {
        const now = sample(pid);
        if (now) peaks.set(pid, now);
      }
      for (const p of peaks.values()) total += p.hwm;
      peakRss = Math.max(peakRss, total);
    }, 5);
    child.once('error', reject);
    child.once('exit', (code) => {
      const wallMs = performance.now() - t0;
      clearInterval(poll);
      fs.closeSync(out);
      if (code !== 0) process.stderr.write(`  ${command}: exit code ${code}\n${stderr.slice(-2000)}`);
      let cpuMs = 0;
      for (const p of peaks.values()) cpuMs += p.cpuMs;
      resolve({ wallMs, cpuMs, peakRss, code, outputBytes: fs.statSync(output).size });
    });
  });
}
