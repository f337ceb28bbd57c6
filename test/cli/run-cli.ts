import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers/site-build.ts";

/** How a CLI run ended and what it printed. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs src/cli/<script> with this same Node binary (it runs .ts directly) and the given PLANET_*
 * variables in place of any the test runner has.
 */
export function runCli(script: string, planetEnv: Record<string, string>): Promise<CliRun> {
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
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Lines that look like a stack trace. */
export function stackLines(run: CliRun): string[] {
  return `${run.stdout}\n${run.stderr}`.split("\n").filter((line) => /^\s+at /.test(line));
}
