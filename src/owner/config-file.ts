import { readFile } from "node:fs/promises";
import { ConfigError } from "../config/load-config.ts";
import { writeFileAtomic } from "../store/atomic-write.ts";

/** Reads the config's text as written, for an edit that keeps its formatting. */
export async function readConfigText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new ConfigError(path, [`cannot read the file (${reason})`]);
  }
}

/** Replaces the config at once, so a build running meanwhile reads the old or the new file whole. */
export async function writeConfigText(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text);
}
