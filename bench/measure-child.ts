import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** How a measured child process went. */
export interface ChildMeasure {
  exitCode: number | null;
  /** From spawn to exit, as the parent saw it. */
  wallMs: number;
  /** Largest sum of VmRSS over the child and all its descendants seen while polling. */
  peakTreeRssBytes: number;
  /** The child's own VmHWM at the last poll (its exact peak, up to the last poll interval). */
  childHwmBytes: number;
  /**
   * The largest VmHWM of any one process of the tree (the build, its render process, Pagefind):
   * what the memory a machine needs for the largest of them, as issue 15's targets measure it.
   */
  peakProcessRssBytes: number;
  /** User+system CPU of the child and its descendants, summed at their last poll. */
  cpuMs: number;
  /** Most processes seen at once in the tree. */
  maxProcesses: number;
  /** Standard error, last 4 KB, for failures. */
  stderrTail: string;
}

const POLL_MS = 25;
/** Clock ticks per second for /proc/<pid>/stat: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

/**
 * Runs `args` under this Node (process.execPath) and polls /proc for the memory and CPU of the
 * whole process tree: Astro's build may start helpers (esbuild's service), and they count.
 */
export function measureChild(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<ChildMeasure> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4096);
  });
  let peakTreeRssBytes = 0;
  let childHwmBytes = 0;
  let peakProcessRssBytes = 0;
  let maxProcesses = 0;
  const cpuTicks = new Map<number, number>();
  const poll = (): void => {
    if (child.pid === undefined) return;
    const pids = processTree(child.pid);
    let rss = 0;
    for (const pid of pids) {
      const status = readProc(pid, "status");
      rss += kilobytesField(status, "VmRSS") * 1024;
      const hwm = kilobytesField(status, "VmHWM") * 1024;
      peakProcessRssBytes = Math.max(peakProcessRssBytes, hwm);
      if (pid === child.pid) childHwmBytes = Math.max(childHwmBytes, hwm);
      const ticks = cpuTicksOf(readProc(pid, "stat"));
      if (ticks > 0) cpuTicks.set(pid, ticks);
    }
    peakTreeRssBytes = Math.max(peakTreeRssBytes, rss);
    maxProcesses = Math.max(maxProcesses, pids.length);
  };
  const timer = setInterval(poll, POLL_MS);
  return new Promise((resolve, reject) => {
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      let ticks = 0;
      for (const value of cpuTicks.values()) ticks += value;
      resolve({
        exitCode: code,
        wallMs: performance.now() - started,
        peakTreeRssBytes,
        childHwmBytes,
        peakProcessRssBytes,
        cpuMs: (ticks / CLOCK_TICKS) * 1000,
        maxProcesses,
        stderrTail: stderr,
      });
    });
  });
}

/** `pid` and every descendant, through /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    const current = found[i] ?? pid;
    for (const tid of listTasks(current)) {
      const children = readProc(current, `task/${tid}/children`).trim();
      if (children) found.push(...children.split(/\s+/).map(Number));
    }
  }
  return found;
}

/** Thread ids of a process: a child is listed under the thread that spawned it. */
function listTasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

function kilobytesField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}

/** utime + stime (fields 14 and 15) of /proc/<pid>/stat; the name field may hold spaces. */
function cpuTicksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}
