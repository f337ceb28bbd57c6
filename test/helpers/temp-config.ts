import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
