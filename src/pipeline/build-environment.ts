import { resolve } from "node:path";

/** Where a build reads and writes, and what "now" is: the contract's environment variables. */
export interface BuildEnvironment {
  /** PLANET_CONFIG, default feeds.json. */
  configPath: string;
  /** PLANET_CACHE_DIR, default .cache/planet. */
  cacheDir: string;
  /** PLANET_NOW, default the clock. */
  now: Date;
  /** PLANET_OFFLINE=1: fetch nothing, build from the cache alone. */
  offline: boolean;
  /** Where the site is written: dist/, or PLANET_OUT_DIR (internal, for tests). */
  outDir: string;
}

/** A PLANET_* variable that can't be used; the message names it. */
export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

/** Reads the PLANET_* variables, resolving paths against `root`. */
export function readBuildEnvironment(
  env: NodeJS.ProcessEnv,
  root: string,
  clock: () => Date = () => new Date(),
): BuildEnvironment {
  const nowText = env.PLANET_NOW?.trim();
  const now = nowText ? new Date(nowText) : clock();
  if (Number.isNaN(now.getTime())) {
    throw new EnvironmentError(`PLANET_NOW: "${nowText}" is not an ISO 8601 instant`);
  }
  return {
    configPath: resolve(root, env.PLANET_CONFIG || "feeds.json"),
    cacheDir: cacheDirOf(env, root),
    now,
    offline: env.PLANET_OFFLINE === "1" || env.PLANET_OFFLINE === "true",
    // PLANET_OUT_DIR is internal, not part of the contract: it lets tests that spawn the CLI
    // build into a temp folder instead of the project's own dist/.
    outDir: resolve(root, env.PLANET_OUT_DIR || "dist"),
  };
}

/** PLANET_CACHE_DIR resolved against `root`, or the default. */
export function cacheDirOf(env: NodeJS.ProcessEnv, root: string): string {
  return resolve(root, env.PLANET_CACHE_DIR || ".cache/planet");
}
