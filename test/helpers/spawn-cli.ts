import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./site-build.ts";

/** How a CLI process ended and what it printed. */
export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running src/cli/<script>. */
export interface CliProcess {
  child: ChildProcess;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Resolves when it has exited. */
  exited: Promise<CliExit>;
}

/**
 * Starts src/cli/<script> with this same Node binary (it runs .ts directly), in the project
 * root, with the given PLANET_* variables in place of any the test runner has.
 */
export function spawnCli(script: string, planetEnv: Record<string, string>): CliProcess {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("PLANET_")),
  );
  const child = spawn(process.execPath, [join(ROOT, "src/cli", script)], {
    cwd: ROOT,
    env: { ...env, ...planetEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<CliExit>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stderr: () => stderr, exited };
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
