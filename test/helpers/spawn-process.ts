import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "./site-build.ts";

/** How a child process ended and what it printed. */
export interface ProcessExit {
  /** The exit code (null when a signal ended it). */
  code: number | null;
  /** The signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  /** Everything printed on stdout. */
  stdout: string;
  /** Everything printed on stderr. */
  stderr: string;
}

/** A running .ts file under this same Node binary. */
export interface NodeProcess {
  /** The child itself (for its pid, or to send it a signal). */
  child: ChildProcess;
  /** Resolves when it has exited and its output is closed. */
  exited: Promise<ProcessExit>;
  /** Resolves once the child prints `line` on stdout; rejects if it exits or `timeoutMs` passes. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Kills the child with SIGKILL (unless it is gone already) and waits until it is gone. */
  kill(): Promise<void>;
}

/** Options for {@link spawnCli}. */
export interface CliOptions {
  /** Command-line arguments after the script. */
  args?: string[];
  /** Working folder; the project root unless given. */
  cwd?: string;
}

/**
 * Starts src/cli/<script> with this same Node binary (it runs .ts directly), as `npm run` would,
 * with the given variables in place of any PLANET_* ones the test runner has. Vitest's own
 * variables are left out too: under VITEST, Astro's dev server serves no pages.
 */
export function spawnCli(
  script: string,
  env: Record<string, string>,
  { args = [], cwd = ROOT }: CliOptions = {},
): NodeProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("PLANET_") && !name.startsWith("VITEST"),
    ),
  );
  return spawnNode(script, join(ROOT, "src/cli", script), args, {
    cwd,
    env: { ...inherited, ...env },
  });
}

/**
 * Starts test/helpers/<name> with this same Node binary; far quicker than going through npm.
 */
export function spawnHelperScript(name: string, args: string[]): NodeProcess {
  return spawnNode(name, fileURLToPath(new URL(`./${name}`, import.meta.url)), args, {});
}

/** Lines of a run's output that look like a stack trace. */
export function stackLines(run: ProcessExit): string[] {
  return `${run.stdout}\n${run.stderr}`.split("\n").filter((line) => /^\s+at /.test(line));
}

/** Polls `check` every 50 ms until it holds; rejects after `timeoutMs` saying what it waited for. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `path` with this Node binary, collecting its output; `name` labels it in errors. */
function spawnNode(
  name: string,
  path: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
): NodeProcess {
  const child = spawn(process.execPath, [path, ...args], {
    ...options,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<ProcessExit>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const isGone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    exited,
    waitForLine: (line, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          if (stdout.split("\n").includes(line)) resolve();
          else if (isGone()) reject(new Error(`${name} exited before "${line}": ${stderr}`));
          else if (Date.now() - started > timeoutMs) {
            reject(new Error(`${name} did not print "${line}" within ${timeoutMs} ms: ${stderr}`));
          } else setTimeout(check, 10);
        };
        check();
      }),
    async kill() {
      if (!isGone()) child.kill("SIGKILL");
      await exited;
    },
  };
}
