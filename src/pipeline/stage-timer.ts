/** The stages of a build, in order; "write site" holds the four after it. */
export type BuildStage =
  | "config"
  | "fetch+refresh"
  | "fingerprint"
  | "load"
  | "assemble"
  | "write site"
  | "render pages"
  | "feeds"
  | "search index"
  | "swap"
  | "prune";

/** Runs one stage of a build; a caller may wrap it to time it (npm run bench does). */
export type StageTimer = <T>(stage: BuildStage, work: () => T | Promise<T>) => Promise<T>;

/** Runs each stage as it is. */
export const untimed: StageTimer = async (_stage, work) => work();
