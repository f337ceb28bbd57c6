import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A child process running one of the scripts in test/helpers/. */
export interface ScriptProcess {
  /** The child itself (for its pid, or to kill it). */
  child: ChildProcess;
  /** Resolves once the child prints `line` on stdout; rejects if it exits or `timeoutMs` passes. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Kills the child with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
}

/**
 * Runs test/helpers/<name> with this same Node binary (which runs .ts directly); far quicker
 * than going through npm.
 */
export function spawnHelperScript(name: string, args: string[]): ScriptProcess {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    waitForLine: (line, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          if (stdout.split("\n").includes(line)) resolve();
          else if (child.exitCode !== null || child.signalCode !== null) {
            reject(new Error(`${name} exited before "${line}": ${stderr}`));
          } else if (Date.now() - started > timeoutMs) {
            reject(new Error(`${name} did not print "${line}" within ${timeoutMs} ms: ${stderr}`));
          } else setTimeout(check, 10);
        };
        check();
      }),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
