import { spawn } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** How a command-line run ended. */
export interface CliRun {
  /** The exit code. */
  code: number | null;
  /** Everything printed on stdout. */
  stdout: string;
  /** Everything printed on stderr. */
  stderr: string;
}

/** A temp folder holding a copy of test/fixtures/owner/feeds.json: never the repo's own. */
export interface TempConfig {
  /** The folder. */
  dir: string;
  /** The config copy in it. */
  configPath: string;
  /** Removes the folder. */
  remove(): Promise<void>;
}

/** Copies the owner fixtures' feeds.json into a fresh temp folder. */
export async function makeTempConfig(): Promise<TempConfig> {
  const dir = await mkdtemp(join(tmpdir(), "planet-owner-"));
  const configPath = join(dir, "feeds.json");
  await copyFile(new URL("../fixtures/owner/feeds.json", import.meta.url), configPath);
  return { dir, configPath, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs src/cli/<script> with this Node binary, as `npm run` would, in `cwd` with `env` added. */
export function runCli(
  script: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<CliRun> {
  const path = fileURLToPath(new URL(`../../src/cli/${script}`, import.meta.url));
  const child = spawn(process.execPath, [path, ...args], {
    cwd,
    env: { ...process.env, ...env },
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
